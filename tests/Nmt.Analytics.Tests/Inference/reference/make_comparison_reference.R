# Likelihood-ratio model comparisons for `nmt fit --compare` (tests/Nmt.Analytics.Tests/Inference).
# Run from this folder: Rscript make_comparison_reference.R   (R 4.2, lmtest, jsonlite)
# OLS: lmtest::lrtest on datasets::mtcars (n_par = coefficients + 1, deviance = -2 logLik).
# Mixed models: lme4's anova(m1, m2) is in ../../Models/Lmm/reference/growth/growth_expected.json (oxboys_compare).
suppressMessages({ library(lmtest); library(jsonlite) })
m1 <- lm(mpg ~ wt, mtcars)
m2 <- lm(mpg ~ wt + hp + factor(cyl), mtcars)
lr <- lrtest(m1, m2)
ll <- c(logLik(m1), logLik(m2))
out <- list(mtcars_ols = list(formulas = c("mpg ~ wt", "mpg ~ wt + hp + factor(cyl)"), n_par = lr[["#Df"]],
                               log_lik = lr$LogLik, aic = c(AIC(m1), AIC(m2)), bic = c(BIC(m1), BIC(m2)),
                               deviance = -2 * ll, chisq = lr$Chisq[2], df = lr$Df[2], p_value = lr[["Pr(>Chisq)"]][2]))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "comparison_expected.json")
