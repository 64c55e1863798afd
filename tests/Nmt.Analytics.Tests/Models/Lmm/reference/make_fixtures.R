# Reference values for Nmt.Analytics linear mixed models (tests/Nmt.Analytics.Tests/Models/Lmm).
# Run from this folder:  Rscript make_fixtures.R
# R 4.2, lme4 1.1.31, lmerTest 3.1-3 (Satterthwaite df), jsonlite.
suppressPackageStartupMessages({ library(lme4); library(lmerTest); library(jsonlite) })

write_data <- function(df, name) write.csv(df, paste0(name, ".csv"), row.names = FALSE)

data(sleepstudy); data(Dyestuff); data(Dyestuff2); data(Pastes); data(Penicillin); data(cake)
write_data(sleepstudy, "sleepstudy")
# Unbalanced: every 7th row dropped, so subjects differ in their Days (exercises the per-level path).
sleep_unbalanced <- sleepstudy[-seq(1, nrow(sleepstudy), by = 7), ]
sleep_unbalanced$D2 <- (sleep_unbalanced$Days - 4.5)^2 / 10   # a centred quadratic term, for three correlated terms
write_data(sleep_unbalanced, "sleepstudy_unbalanced")
write_data(Dyestuff, "dyestuff")
write_data(Dyestuff2, "dyestuff2")
write_data(Pastes, "pastes")
write_data(Penicillin, "penicillin")
write_data(cake[, c("replicate", "recipe", "temp", "angle")], "cake")

describe_fit <- function(fm, with_df = TRUE) {
  s <- summary(fm)                       # lmerTest summary: Satterthwaite df
  co <- coef(s)
  vc <- as.data.frame(VarCorr(fm))
  fixed <- data.frame(term = rownames(co), estimate = co[, "Estimate"], std_error = co[, "Std. Error"],
                      stringsAsFactors = FALSE)
  if (with_df) {
    fixed$df <- co[, "df"]; fixed$statistic <- co[, "t value"]; fixed$p_value <- co[, "Pr(>|t|)"]
  }
  re <- vc[!is.na(vc$var1) & is.na(vc$var2), c("grp", "var1", "vcov", "sdcor")]
  names(re) <- c("group", "term", "variance", "std_dev")
  cors <- vc[!is.na(vc$var2), c("grp", "var1", "var2", "sdcor")]
  names(cors) <- c("group", "term1", "term2", "correlation")
  ll <- logLik(fm)
  list(reml = isREML(fm), theta = unname(getME(fm, "theta")), theta_names = names(getME(fm, "theta")),
       fixed = fixed, random = re, correlations = cors,
       sigma = sigma(fm), residual_variance = sigma(fm)^2,
       log_lik = as.numeric(ll), df_logLik = attr(ll, "df"), aic = AIC(fm), bic = BIC(fm),
       deviance_crit = if (isREML(fm)) unname(getME(fm, "devcomp")$cmp[["REML"]]) else unname(deviance(fm)),
       singular = isSingular(fm), nobs = nobs(fm), ngroups = as.list(ngrps(fm)))
}

ranef_table <- function(fm) {
  rr <- as.data.frame(ranef(fm, condVar = TRUE))
  data.frame(group = as.character(rr$grpvar), level = as.character(rr$grp), term = as.character(rr$term),
             estimate = rr$condval, std_error = rr$condsd, stringsAsFactors = FALSE)
}

cake$replicate <- factor(cake$replicate)
cake$t10 <- (cake$temp - 200) / 10   # centred, scaled temperature for a random slope
# lme4's default optimiser settings stop within ~1e-5 (relative) of the optimum of the profiled deviance; the
# reference values are computed with tight tolerances so that they are the optimum to ~1e-9 (expected.json).
# The same fits with lme4's defaults go to expected_default.json (compared at a looser tolerance).
tight <- lmerControl(optimizer = "nloptwrap",
                     optCtrl = list(xtol_abs = 1e-12, ftol_abs = 1e-14, xtol_rel = 1e-12, ftol_rel = 1e-15, maxeval = 1e5))
make_fits <- function(ctrl) list(
  sleepstudy_reml = lmer(Reaction ~ Days + (Days | Subject), sleepstudy, control = ctrl),
  sleepstudy_ml = lmer(Reaction ~ Days + (Days | Subject), sleepstudy, REML = FALSE, control = ctrl),
  sleepstudy_unbalanced = lmer(Reaction ~ Days + (Days | Subject), sleep_unbalanced, control = ctrl),
  sleepstudy_unbalanced_intercept_ml = lmer(Reaction ~ Days + (1 | Subject), sleep_unbalanced, REML = FALSE, control = ctrl),
  sleepstudy_unbalanced_three_terms = lmer(Reaction ~ Days + D2 + (Days + D2 | Subject), sleep_unbalanced, control = ctrl),
  sleepstudy_uncorrelated = lmer(Reaction ~ Days + (Days || Subject), sleepstudy, control = ctrl),
  sleepstudy_intercept_ml = lmer(Reaction ~ Days + (1 | Subject), sleepstudy, REML = FALSE, control = ctrl),
  dyestuff_reml = lmer(Yield ~ 1 + (1 | Batch), Dyestuff, control = ctrl),
  dyestuff2_singular = lmer(Yield ~ 1 + (1 | Batch), Dyestuff2, control = ctrl),
  pastes_nested = lmer(strength ~ 1 + (1 | batch/cask), Pastes, control = ctrl),
  penicillin_crossed = lmer(diameter ~ 1 + (1 | plate) + (1 | sample), Penicillin, control = ctrl),
  cake_interaction = lmer(angle ~ recipe * temp + (1 | recipe:replicate), cake, control = ctrl),
  # Two grouping factors, the secondary one with a correlated slope (a boundary fit: correlation -1 / slope SD 0).
  cake_two_factors = lmer(angle ~ recipe + t10 + (t10 | replicate) + (1 | recipe:replicate), cake, control = ctrl)
)
write_expected <- function(ctrl, file) {
fits <- make_fits(ctrl)
out <- lapply(names(fits), function(n) describe_fit(fits[[n]], with_df = n != "dyestuff2_singular"))
names(out) <- names(fits)
out$sleepstudy_reml$ranef <- ranef_table(fits$sleepstudy_reml)
out$pastes_nested$ranef <- ranef_table(fits$pastes_nested)
out$sleepstudy_unbalanced$ranef <- ranef_table(fits$sleepstudy_unbalanced)

# Likelihood-ratio test as anova() does it: both models refitted by ML.
small <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy, control = ctrl)
a <- anova(small, fits$sleepstudy_reml)
out$lrt_sleepstudy <- list(chisq = a$Chisq[2], df = a$Df[2], p_value = a[["Pr(>Chisq)"]][2],
                           log_lik_small = a$logLik[1], log_lik_large = a$logLik[2])

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, dataframe = "rows"), file)
}
write_expected(tight, "expected.json")
write_expected(lmerControl(), "expected_default.json")
