# Reference values for TechniqueMarginalMeans: techniques entered as tech_<code> indicators, each technique's mean a
# session using it alone (emmeans 1.8 with at = list(tech_t = 1, others 0), Satterthwaite df via lmerTest), and all
# pairs of those means with Tukey's adjustment (pairs() on the rbind of the nine grids, as for one factor).
# Run from this folder: Rscript make_technique_reference.R   (R 4.2; lme4, lmerTest, emmeans, jsonlite)
# Data: the bundled demo sessions (data/demo/sessions.csv); empty cells are missing values, as nmt reads them.
suppressMessages({ library(lme4); library(lmerTest); library(emmeans); library(jsonlite) })
invisible(Sys.setlocale("LC_COLLATE", "C"))
d <- read.csv("../../../../data/demo/sessions.csv", stringsAsFactors = FALSE, na.strings = c("", "NA"))
d$pain_change <- d$pain_post - d$pain_pre
techs <- sort(unique(unlist(strsplit(d$techniques, ";"))))
for (t in techs) d[[paste0("tech_", t)]] <- as.integer(sapply(strsplit(d$techniques, ";"), function(s) t %in% s))
formula <- "pain_change ~ techniques + stress + hydration + chronicity + region + clinic_id + (1 | client_id)"
f <- as.formula(sub("techniques", paste0("tech_", techs, collapse = " + "), formula))
m <- lmer(f, d)  # REML
emm_options(lmer.df = "satterthwaite", lmerTest.limit = 1e6)
grids <- lapply(techs, function(t) emmeans(m, ~ 1, at = setNames(as.list(as.integer(techs == t)), paste0("tech_", techs))))
all <- do.call(rbind, grids)
all@grid <- data.frame(technique = techs, .wgt. = 1)
all@levels <- list(technique = techs)
all@roles$predictors <- "technique"
all@misc$pri.vars <- "technique"
all@misc$by.vars <- NULL
all@misc$adjust <- "none"
means <- summary(all)
pairs <- summary(pairs(all, adjust = "tukey"))
out <- list(formula = formula, level = I(techs), estimate = I(means$emmean), std_error = I(means$SE), df = I(means$df),
            contrast = I(as.character(pairs$contrast)), contrast_estimate = I(pairs$estimate), contrast_std_error = I(pairs$SE),
            contrast_df = I(pairs$df), contrast_statistic = I(pairs$t.ratio), contrast_p_value = I(pairs$p.value))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "technique_reference.json")
cat(sprintf("emmeans %s, lme4 %s\n", packageVersion("emmeans"), packageVersion("lme4")))
