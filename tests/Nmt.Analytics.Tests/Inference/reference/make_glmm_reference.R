# Reference values for the GLMM tests: lme4 (1.1-31) glmer, Laplace (nAGQ = 1) and adaptive Gauss-Hermite (nAGQ = 9),
# at glmer's defaults (tolPwrss = 1e-7) and, for one case, with PIRLS run to convergence (tolPwrss = 1e-10: the exact
# Laplace approximation). Standard errors are summary()'s: the finite-difference Hessian over (theta, beta).
# Run from this folder: Rscript make_glmm_reference.R   (R 4.2; lme4, MASS, jsonlite)
# Data: lme4::cbpp expanded to one 0/1 row per animal (the likelihood of the binomial counts up to the constant
# log choose(size, incidence)), with t = period - 2.5 as a number for a correlated random slope; lme4::grouseticks
# (Poisson counts); MASS::epil (Poisson seizure counts, 59 patients x 4 periods, per = period - 2.5).
# Singular fits (glmm_singular_reference.json): datasets::mtcars, transmission am (0/1) by horsepower or weight with
# a random intercept (and slope) by carburettors or cylinders: glmer estimates every random-effect variance as 0.
# There lme4 1.1-31's summary still uses the finite-difference Hessian (std_error); vcov(m, use.hessian = FALSE)
# gives the RX-based covariance (std_error_rx), (X'WX - RZX'RZX)^-1; at theta = 0 the two agree to ~4e-5.
suppressMessages({ library(jsonlite); library(lme4); library(MASS) })
Sys.setlocale("LC_COLLATE", "C")

rows <- lapply(seq_len(nrow(cbpp)), function(i) data.frame(herd = as.character(cbpp$herd[i]), period = paste0("p", cbpp$period[i]),
  sick = rep(c(1L, 0L), c(cbpp$incidence[i], cbpp$size[i] - cbpp$incidence[i]))))
cb <- do.call(rbind, rows)
cb$herd <- sprintf("h%02d", as.integer(cb$herd))
cb$t <- as.integer(sub("p", "", cb$period)) - 2.5
write.csv(cb, "cbpp_animals.csv", row.names = FALSE)
gt <- data.frame(TICKS = grouseticks$TICKS, YEAR = paste0("y", grouseticks$YEAR), cHEIGHT = grouseticks$cHEIGHT,
                 LOCATION = sprintf("L%03d", as.integer(as.character(grouseticks$LOCATION))))
write.csv(gt, "grouseticks.csv", row.names = FALSE)
ep <- data.frame(y = epil$y, trt = as.character(epil$trt), lbase = epil$lbase, per = epil$period - 2.5,
                 subject = sprintf("s%02d", epil$subject))
write.csv(ep, "epil.csv", row.names = FALSE)

read <- function(path) read.csv(path, stringsAsFactors = TRUE)
case <- function(name, data, formula, family, nagq = 1, tol = 1e-7) {
  d <- read(data)
  m <- glmer(as.formula(formula), d, family = family, nAGQ = nagq, control = glmerControl(optimizer = "bobyqa", tolPwrss = tol))
  stopifnot(!isSingular(m), length(m@optinfo$conv$lme4) == 0)
  s <- summary(m)$coefficients
  vc <- as.data.frame(VarCorr(m))
  list(name = name, data = paste0("Inference/", data), formula = formula, family = family, nagq = nagq, tol_pwrss = tol,
       term = I(rownames(s)), estimate = I(s[, 1]), std_error = I(s[, 2]), statistic = I(s[, 3]), p_value = I(s[, 4]),
       variance = I(vc$vcov[is.na(vc$var2)]), correlation = I(vc$sdcor[!is.na(vc$var2)]),
       log_likelihood = as.numeric(logLik(m)), aic = AIC(m), bic = BIC(m), theta = I(getME(m, "theta")))
}
cases <- list(
  case("cbpp_laplace", "cbpp_animals.csv", "sick ~ period + (1 | herd)", "binomial"),
  case("cbpp_agq9", "cbpp_animals.csv", "sick ~ period + (1 | herd)", "binomial", 9),
  case("cbpp_laplace_exact", "cbpp_animals.csv", "sick ~ period + (1 | herd)", "binomial", tol = 1e-10),
  case("grouseticks_poisson", "grouseticks.csv", "TICKS ~ YEAR + cHEIGHT + (1 | LOCATION)", "poisson"),
  case("cbpp_correlated_slope", "cbpp_animals.csv", "sick ~ t + (1 + t | herd)", "binomial"),
  case("epil_correlated_slope", "epil.csv", "y ~ trt + lbase + per + (1 + per | subject)", "poisson"))
writeLines(toJSON(cases, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), "glmm_reference.json")

# The committed copy of mtcars (Models/reference); cyl and carb group the random effects as factors.
mt <- read.csv("../../Models/reference/mtcars.csv")
stopifnot(all.equal(mt$hp, mtcars$hp), all.equal(mt$am, mtcars$am), all.equal(mt$wt, mtcars$wt))
mt$cyl <- factor(mt$cyl); mt$carb <- factor(mt$carb)
singular <- function(name, formula) {
  m <- glmer(as.formula(formula), mt, family = binomial, control = glmerControl(optimizer = "bobyqa"))
  stopifnot(isSingular(m), all(getME(m, "theta")[getME(m, "lower") == 0] < 1e-4))
  s <- summary(m)$coefficients
  list(name = name, data = "Models/mtcars.csv", formula = formula, family = "binomial", term = I(rownames(s)),
       estimate = I(s[, 1]), std_error = I(s[, 2]), std_error_rx = I(sqrt(diag(as.matrix(suppressWarnings(vcov(m, use.hessian = FALSE)))))),
       log_likelihood = as.numeric(logLik(m)), theta = I(getME(m, "theta")))
}
singular_cases <- list(
  singular("mtcars_intercept", "am ~ hp + (1 | carb)"),
  singular("mtcars_correlated_slope", "am ~ wt + (1 + wt | cyl)"))
writeLines(toJSON(singular_cases, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), "glmm_singular_reference.json")
cat(sprintf("lme4 %s\n", packageVersion("lme4")))
