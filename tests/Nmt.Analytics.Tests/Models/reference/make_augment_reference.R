# Reference values for Augment() of the model contract: lme4's fitted values (X beta + Z b, conditional modes) and
# population-level fits (X beta) of the sleepstudy REML fit. The data set is the one the LMM tests share
# (../Lmm/reference/sleepstudy.csv). Run from this folder: Rscript make_augment_reference.R   (R 4.2, lme4, jsonlite)
suppressMessages({ library(lme4); library(jsonlite) })
d <- read.csv("../Lmm/reference/sleepstudy.csv", stringsAsFactors = FALSE)
fit <- lmer(Reaction ~ Days + (Days | Subject), d, REML = TRUE)
out <- list(list(name = "sleepstudy_reml", formula = "Reaction ~ Days + (Days | Subject)",
                 fitted = unname(fitted(fit)), fixed_fitted = unname(predict(fit, re.form = NA)),
                 residual = unname(residuals(fit))))
write_json(out, "lmm_augment_reference.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
cat("wrote", length(out), "augment case\n")
