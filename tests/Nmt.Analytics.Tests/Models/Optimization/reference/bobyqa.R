# Reference runs of Powell's BOBYQA (R package minqa 1.2.5, which wraps Powell's Fortran; R 4.2) for BobyqaTests.
# Run from this folder: Rscript bobyqa.R. It prints the optima and evaluation counts copied into the tests, and
# writes the first 60 points Powell's code evaluates on Rosenbrock's function (bobyqa_rosenbrock_trace.csv): a
# faithful implementation visits the same points until rounding differences (~1e-15) grow near the optimum.
library(minqa)
show <- function(r) { print(r$par, digits = 17); print(r$fval, digits = 17); print(r$feval) }
trace <- list()
rosenbrock <- function(x) { trace[[length(trace) + 1]] <<- x; 100 * (x[2] - x[1]^2)^2 + (1 - x[1])^2 }
show(bobyqa(c(-1.2, 1), rosenbrock, control = list(npt = 5, rhobeg = 0.2, rhoend = 1e-7)))
# minqa's R wrapper evaluates the start once before Powell's code starts: drop that call.
points <- do.call(rbind, trace)[-1, ][1:60, ]
write.csv(data.frame(x1 = sprintf("%.17g", points[, 1]), x2 = sprintf("%.17g", points[, 2])),
          "bobyqa_rosenbrock_trace.csv", row.names = FALSE, quote = FALSE)
bounded <- function(x) (x[1] + 1)^2 + (x[2] - 2)^2 + (x[3] - 0.5)^2 + 0.5 * x[1] * x[3]
show(bobyqa(c(1, 1, 1), bounded, lower = c(0, -Inf, -Inf), upper = c(Inf, 1.5, Inf),
            control = list(npt = 7, rhobeg = 0.2, rhoend = 1e-7)))
chain <- function(x) sum(100 * (x[-1] - x[-length(x)]^2)^2 + (1 - x[-length(x)])^2)
show(bobyqa(c(-1, 0.5, -0.5, 1.5), chain, control = list(npt = 9, rhobeg = 0.2, rhoend = 1e-8)))
