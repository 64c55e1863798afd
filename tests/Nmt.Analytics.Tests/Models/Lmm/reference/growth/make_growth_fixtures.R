# Growth-curve reference fits for Nmt.Analytics linear mixed models (tests/Nmt.Analytics.Tests/Models/Lmm).
# Data: nlme::Oxboys, nlme::Orthodont, nlme::BodyWeight, datasets::ChickWeight, nlme::Ovary (public, named).
# Run from this folder:  Rscript make_growth_fixtures.R
# R 4.2, lme4 1.1.31, lmerTest 3.1-3, nlme, jsonlite. Values are lme4's optimum with tight optimiser tolerances
# (the default stop is ~1e-5 relative), then polished by restarting from the optimum.
suppressPackageStartupMessages({ library(lme4); library(lmerTest); library(nlme); library(jsonlite) })

plain <- function(d) { d <- as.data.frame(d); for (n in names(d)) if (is.factor(d[[n]])) d[[n]] <- as.character(d[[n]]); d }
ox <- plain(Oxboys)[, c("Subject", "age", "height")]
ortho <- plain(Orthodont)
bw <- plain(BodyWeight)
cw <- plain(ChickWeight)
ov <- plain(Ovary)
write.csv(ox, "oxboys.csv", row.names = FALSE)
write.csv(ortho, "orthodont.csv", row.names = FALSE)
write.csv(bw, "bodyweight.csv", row.names = FALSE)
# ChickWeight is committed once, by ../../../../Inference/reference/make_inference_reference.R: check that copy.
stopifnot(isTRUE(all.equal(read.csv("../../../../Inference/reference/chickweight.csv", colClasses = c(Chick = "character", Diet = "character")), cw, check.attributes = FALSE)))
write.csv(ov, "ovary.csv", row.names = FALSE)
# Factors in lme4's default (sorted) level order, as nmt sorts them; Orthodont's Sex reference level is "Female".
ortho$Sex <- factor(ortho$Sex); bw$Diet <- factor(bw$Diet); cw$Diet <- factor(cw$Diet)

tight <- lmerControl(optimizer = "nloptwrap", calc.derivs = FALSE,
                     optCtrl = list(xtol_abs = 1e-12, ftol_abs = 1e-14, xtol_rel = 1e-12, ftol_rel = 1e-15, maxeval = 1e5))
fit <- function(formula, data, reml) {
  m <- lmer(formula, data, REML = reml, control = tight)
  update(m, start = getME(m, "theta"))   # restart from the optimum: confirms it
}

describe <- function(fm) {
  s <- summary(fm); co <- coef(s); vc <- as.data.frame(VarCorr(fm)); ll <- logLik(fm)
  fixed <- data.frame(term = rownames(co), estimate = co[, "Estimate"], std_error = co[, "Std. Error"],
                      df = co[, "df"], statistic = co[, "t value"], p_value = co[, "Pr(>|t|)"], stringsAsFactors = FALSE)
  re <- vc[!is.na(vc$var1) & is.na(vc$var2), c("grp", "var1", "vcov", "sdcor")]
  names(re) <- c("group", "term", "variance", "std_dev")
  cors <- vc[!is.na(vc$var2), c("grp", "var1", "var2", "sdcor")]
  names(cors) <- c("group", "term1", "term2", "correlation")
  list(reml = isREML(fm), theta = unname(getME(fm, "theta")), fixed = fixed, random = re, correlations = cors,
       sigma = sigma(fm), log_lik = as.numeric(ll), df_logLik = attr(ll, "df"), aic = AIC(fm), bic = BIC(fm),
       singular = isSingular(fm), nobs = nobs(fm))
}

models <- list(
  oxboys = list(height ~ age + (age | Subject), ox),
  oxboys_quadratic = list(height ~ age + I(age^2) + (age | Subject), ox),
  orthodont = list(distance ~ age + Sex + (age | Subject), ortho),
  bodyweight = list(weight ~ Time * Diet + (Time | Rat), bw),
  chickweight = list(weight ~ Time + (Time | Chick), cw),
  ovary = list(follicles ~ sin(2 * pi * Time) + cos(2 * pi * Time) + (1 + sin(2 * pi * Time) | Mare), ov)
)
out <- list()
for (name in names(models)) for (reml in c(TRUE, FALSE)) {
  m <- models[[name]]
  out[[paste0(name, if (reml) "_reml" else "_ml")]] <- describe(fit(m[[1]], m[[2]], reml))
}
# lme4's anova(m1, m2) (both refitted by ML) for the quadratic term of Oxboys.
a <- anova(fit(models$oxboys[[1]], ox, TRUE), fit(models$oxboys_quadratic[[1]], ox, TRUE))
out$oxboys_compare <- list(n_par = a$npar, aic = a$AIC, bic = a$BIC, log_lik = a$logLik, deviance = a$deviance,
                           chisq = a$Chisq[2], df = a$Df[2], p_value = a[["Pr(>Chisq)"]][2])
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, dataframe = "rows"), "growth_expected.json")
