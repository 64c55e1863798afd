# Fits the planted models to the bundled demo data with lme4/lm, so tests can check that the planted truth
# (data/demo/truth.json) is recoverable. Run from the repository root:
#   Rscript tests/Nmt.Analytics.Tests/Synthetic/reference/demo_fits.R
# R 4.2.2, lme4 1.1.31, jsonlite. Empty CSV fields are missing (na.strings = ""); rows with any missing model
# variable are dropped (R's na.omit), as the C# models do with reported exclusions.
suppressMessages({ library(lme4); library(jsonlite) })
d <- read.csv("data/demo/sessions.csv", stringsAsFactors = FALSE, na.strings = "")
techniques <- c("ischemic_compression", "positional_release", "strain_counterstrain", "muscle_energy", "init",
                "soft_tissue_release", "stacking", "induration", "other")
for (t in techniques) d[[paste0("tech_", t)]] <- as.integer(sapply(strsplit(d$techniques, ";"), function(x) t %in% x))
d$pain_change <- d$pain_post - d$pain_pre

pre_formula <- pain_pre ~ session + stress + hydration + sleep_hours + nutrition + breathing_pattern + region +
  condition + chronicity + (1 + session | client_id)
pre <- lmer(pre_formula, data = d, REML = TRUE)
pre_fixed <- summary(pre)$coefficients
vc <- as.data.frame(VarCorr(pre))

change_formula <- pain_change ~ tech_ischemic_compression + tech_positional_release + tech_strain_counterstrain +
  tech_muscle_energy + tech_init + tech_soft_tissue_release + tech_stacking + tech_induration + tech_other +
  stress + hydration + chronicity + clinic_id
change <- lm(change_formula, data = d)
change_fixed <- summary(change)$coefficients

out <- list(
  data = "data/demo/sessions.csv",
  pain_pre = list(
    formula = paste(deparse(pre_formula, width.cutoff = 500), collapse = ""),
    n_obs = nobs(pre),
    fixed_effects = data.frame(term = rownames(pre_fixed), estimate = pre_fixed[, 1], std_error = pre_fixed[, 2], row.names = NULL),
    sd_intercept = vc$sdcor[vc$grp == "client_id" & vc$var1 == "(Intercept)" & is.na(vc$var2)],
    sd_slope = vc$sdcor[vc$grp == "client_id" & vc$var1 == "session" & is.na(vc$var2)],
    correlation = vc$sdcor[vc$grp == "client_id" & !is.na(vc$var2)],
    residual_sd = vc$sdcor[vc$grp == "Residual"]),
  pain_change = list(
    formula = paste(deparse(change_formula, width.cutoff = 500), collapse = ""),
    n_obs = nobs(change),
    fixed_effects = data.frame(term = rownames(change_fixed), estimate = change_fixed[, 1], std_error = change_fixed[, 2], row.names = NULL),
    residual_sd = sigma(change)))
write_json(out, "tests/Nmt.Analytics.Tests/Synthetic/reference/demo_fits.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
