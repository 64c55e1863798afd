# Reference random-effects terms from lme4::mkReTrms (lme4 1.1-31) for the Formulas tests.
# Run from this folder: Rscript make_random_reference.R
# For each bar term: grouping factor name, its levels, each observation's level (1-based), and the term names (cnms).
suppressMessages({ library(jsonlite); library(lme4) })
Sys.setlocale("LC_COLLATE", "C")
ss <- sleepstudy; ss$Subject <- as.character(ss$Subject)
ps <- Pastes; ps$batch <- as.character(ps$batch); ps$cask <- as.character(ps$cask); ps$sample <- NULL
# sleepstudy is committed once, by ../../Models/Lmm/reference/make_fixtures.R: check that copy.
stopifnot(isTRUE(all.equal(read.csv("../../Models/Lmm/reference/sleepstudy.csv", colClasses = c(Subject = "character")), ss, check.attributes = FALSE)))
write.csv(ps, "Pastes.csv", row.names = FALSE)
cases <- list(
  list(name = "sleepstudy_slopes", data = "sleepstudy", formula = "Reaction ~ Days + (Days | Subject)"),
  list(name = "sleepstudy_uncorrelated", data = "sleepstudy", formula = "Reaction ~ Days + (Days || Subject)"),
  list(name = "pastes_crossed_names", data = "Pastes", formula = "strength ~ 1 + (1 | batch) + (1 | batch:cask)"),
  list(name = "pastes_factor_slope", data = "Pastes", formula = "strength ~ 1 + (cask | batch)")
)
out <- lapply(cases, function(k) {
  d <- if (k$data == "sleepstudy") ss else ps
  f <- as.formula(k$formula)
  fr <- model.frame(subbars(f), d)
  # reorder.terms = FALSE keeps the formula's order (lme4 otherwise sorts blocks by number of levels).
  rt <- mkReTrms(findbars(f), fr, reorder.terms = FALSE)
  blocks <- lapply(seq_along(rt$cnms), function(i) {
    g <- rt$flist[[attr(rt$flist, "assign")[i]]]
    list(group = names(rt$cnms)[i], terms = rt$cnms[[i]], levels = levels(g), index = as.integer(g))
  })
  list(name = k$name, data = k$data, formula = k$formula, blocks = blocks)
})
write_json(out, "random_terms.json", auto_unbox = TRUE, pretty = TRUE, digits = NA)
cat("wrote", length(out), "cases\n")
