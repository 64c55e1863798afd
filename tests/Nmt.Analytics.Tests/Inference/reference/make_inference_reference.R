# Reference values for the Inference tests: emmeans (1.8.4) marginal means and pairs(), lmerTest (3.1) anova with
# Satterthwaite df, car (3.1) Anova types II/III, ptukey/qtukey, on named public data sets.
# Run from this folder: Rscript make_inference_reference.R   (R 4.2; emmeans, lmerTest, car, nlme, jsonlite)
# Data sets shared with other tests are read from ../../Models/reference and ../../Models/Lmm/reference;
# the ones written here are nlme::Oats, datasets::ChickWeight and an unbalanced warpbreaks with missing responses.
suppressMessages({ library(jsonlite); library(emmeans); library(lmerTest); library(car); library(nlme) })
Sys.setlocale("LC_COLLATE", "C")
emm_options(lmer.df = "satterthwaite", lmerTest.limit = 1e6, pbkrtest.limit = 0)

oats <- data.frame(Block = as.character(Oats$Block), Variety = as.character(Oats$Variety), nitro = Oats$nitro, yield = Oats$yield)
write.csv(oats, "oats.csv", row.names = FALSE)
cw <- data.frame(weight = ChickWeight$weight, Time = ChickWeight$Time, Chick = as.character(ChickWeight$Chick), Diet = as.character(ChickWeight$Diet))
write.csv(cw, "chickweight.csv", row.names = FALSE)
wbu <- warpbreaks; wbu$breaks[c(2, 5, 11, 12, 30, 31, 32, 47)] <- NA  # unbalanced cells, rows with NA
wbu <- data.frame(breaks = wbu$breaks, wool = as.character(wbu$wool), tension = as.character(wbu$tension))
write.csv(wbu, "warpbreaks_unbalanced.csv", row.names = FALSE, na = "")

read <- function(path) read.csv(path, stringsAsFactors = TRUE)
fin <- function(x) { x[!is.finite(x)] <- NA; x }

emm_rows <- function(e, type = "link") {
  s <- as.data.frame(summary(e, type = "link"))
  vars <- names(e@levels)
  level <- do.call(paste, c(lapply(vars, function(v) as.character(s[[v]])), sep = " "))
  out <- list(level = level, estimate = s[[ncol(s) - 4]], std_error = s$SE, df = fin(s$df),
              ci_low = s[[ncol(s) - 1]], ci_high = s[[ncol(s)]])
  if (type == "response") {
    r <- as.data.frame(summary(e, type = "response"))
    out$response <- r[[ncol(r) - 4]]; out$response_low <- r[[ncol(r) - 1]]; out$response_high <- r[[ncol(r)]]
  }
  out
}
pair_rows <- function(e, adjust) {
  s <- as.data.frame(summary(pairs(e, adjust = adjust)))
  list(adjust = adjust, contrast = as.character(s$contrast), estimate = s$estimate, std_error = s$SE,
       df = fin(s$df), statistic = s[[ncol(s) - 1]], p_value = s$p.value)
}
anova_rows <- function(a, type, stat = "F value", dendf = NULL, numdf = "NumDF") {
  a <- as.data.frame(a); a <- a[rownames(a) != "Residuals", , drop = FALSE]
  den <- if (is.null(dendf)) rep(NA, nrow(a)) else if (is.numeric(dendf)) rep(dendf, nrow(a)) else a[[dendf]]
  list(type = type, term = I(rownames(a)), num_df = I(a[[numdf]]), den_df = I(den),
       statistic = I(a[[stat]]), p_value = I(a[[ncol(a)]]))
}
with_sum <- function(expr) { old <- options(contrasts = c("contr.sum", "contr.poly")); on.exit(options(old)); expr }
inference <- function(name, model, data, formula, fit, emm, pairs_on, refit_sum, link_type = "link") {
  d <- fit
  list(name = name, model = model, data = data, formula = formula,
       emmeans = lapply(emm, function(t) c(list(term = t), emm_rows(emmeans(d, as.formula(paste("~", gsub(":", "*", t)))), link_type))),
       pairs = unlist(lapply(pairs_on, function(t) lapply(c("tukey", "holm", "bonferroni", "none"), function(a)
         c(list(term = t), pair_rows(emmeans(d, as.formula(paste("~", gsub(":", "*", t)))), a)))), recursive = FALSE),
       anova = refit_sum)
}

cases <- list()
wb <- read("../../Models/reference/warpbreaks.csv")
f <- "breaks ~ wool * tension"
m <- lm(as.formula(f), wb)
cases[[length(cases) + 1]] <- inference("warpbreaks_lm", "ols", "Models/warpbreaks.csv", f, m, c("tension", "wool:tension"), c("tension", "wool:tension"),
  list(anova_rows(Anova(m, type = 2), 2, "F value", df.residual(m), "Df"), anova_rows(with_sum(Anova(lm(as.formula(f), wb), type = 3)), 3, "F value", df.residual(m), "Df")))

wbu <- read("warpbreaks_unbalanced.csv")
m <- lm(as.formula(f), wbu)
cases[[length(cases) + 1]] <- inference("warpbreaks_unbalanced_lm", "ols", "Inference/warpbreaks_unbalanced.csv", f, m, c("wool", "tension", "wool:tension"), c("tension"),
  list(anova_rows(Anova(m, type = 2), 2, "F value", df.residual(m), "Df"), anova_rows(with_sum(Anova(lm(as.formula(f), wbu), type = 3)), 3, "F value", df.residual(m), "Df")))

aq <- read("../../Models/reference/airquality.csv")
f <- "Ozone ~ factor(Month) + Temp + log(Wind)"
m <- lm(as.formula(f), aq)
cases[[length(cases) + 1]] <- inference("airquality_lm", "ols", "Models/airquality.csv", f, m, c("Month"), c("Month"),
  list(anova_rows(Anova(m, type = 2), 2, "F value", df.residual(m), "Df"), anova_rows(with_sum(Anova(lm(as.formula(f), aq), type = 3)), 3, "F value", df.residual(m), "Df")))
cases[[length(cases)]]$emmeans[[1]]$term <- "factor(Month)"
for (i in seq_along(cases[[length(cases)]]$pairs)) cases[[length(cases)]]$pairs[[i]]$term <- "factor(Month)"

mt <- read("../../Models/reference/mtcars.csv")
f <- "mpg ~ factor(cyl) + factor(am) + wt + factor(cyl):wt"
m <- lm(as.formula(f), mt)
cases[[length(cases) + 1]] <- inference("mtcars_lm", "ols", "Models/mtcars.csv", f, m, c("cyl", "am"), c("cyl"),
  list(anova_rows(Anova(m, type = 2), 2, "F value", df.residual(m), "Df"), anova_rows(with_sum(Anova(lm(as.formula(f), mt), type = 3)), 3, "F value", df.residual(m), "Df")))
cases[[length(cases)]]$emmeans[[1]]$term <- "factor(cyl)"; cases[[length(cases)]]$emmeans[[2]]$term <- "factor(am)"
for (i in seq_along(cases[[length(cases)]]$pairs)) cases[[length(cases)]]$pairs[[i]]$term <- "factor(cyl)"

oats <- read("oats.csv")
f <- "yield ~ Variety * factor(nitro) + (1 | Block/Variety)"
m <- lmer(as.formula(f), oats)
cases[[length(cases) + 1]] <- inference("oats_lmm", "lmm", "Inference/oats.csv", f, m, c("Variety", "Variety:nitro"), c("Variety", "Variety:nitro"),
  list(anova_rows(anova(m, type = 3), 3, "F value", "DenDF"), anova_rows(anova(m, type = 2), 2, "F value", "DenDF")))
cases[[length(cases)]]$emmeans[[2]]$term <- "Variety:factor(nitro)"
for (i in 5:8) cases[[length(cases)]]$pairs[[i]]$term <- "Variety:factor(nitro)"

cw <- read("chickweight.csv"); cw$Diet <- factor(cw$Diet)
f <- "weight ~ Diet * Time + (1 | Chick)"
m <- lmer(as.formula(f), cw)
cases[[length(cases) + 1]] <- inference("chickweight_lmm", "lmm", "Inference/chickweight.csv", f, m, c("Diet"), c("Diet"),
  list(anova_rows(anova(m, type = 3), 3, "F value", "DenDF"), anova_rows(anova(m, type = 2), 2, "F value", "DenDF")))

ss <- read("../../Models/Lmm/reference/sleepstudy.csv")
f <- "Reaction ~ Days + (Days | Subject)"
m <- lmer(as.formula(f), ss)
cases[[length(cases) + 1]] <- list(name = "sleepstudy_lmm", model = "lmm", data = "Models/Lmm/sleepstudy.csv", formula = f, emmeans = list(), pairs = list(),
  anova = list(anova_rows(anova(m, type = 3), 3, "F value", "DenDF"), anova_rows(anova(m, type = 2), 2, "F value", "DenDF")))

inf <- read("../../Models/reference/infert.csv")
f <- "case ~ education + spontaneous + induced"
m <- glm(as.formula(f), binomial, inf)
cases[[length(cases) + 1]] <- inference("infert_logit", "logit", "Models/infert.csv", f, m, c("education"), c("education"),
  list(anova_rows(Anova(m, type = 2, test.statistic = "Wald"), 2, "Chisq", NULL, "Df"),
       anova_rows(with_sum(Anova(glm(as.formula(f), binomial, inf), type = 3, test.statistic = "Wald")), 3, "Chisq", NULL, "Df")), "response")

grid <- expand.grid(q = c(0.5, 1, 2, 3.5, 5, 8), means = c(2, 3, 5, 10), df = c(2, 5, 10, 30, 120, 1000, Inf), ranges = 1)
grid <- rbind(grid, expand.grid(q = c(1, 3), means = c(3, 6), df = c(4, Inf), ranges = 2))
grid$p <- ptukey(grid$q, grid$means, grid$df, grid$ranges)
qgrid <- expand.grid(p = c(0.9, 0.95, 0.99), means = c(2, 4, 8), df = c(3, 12, 60, Inf))
qgrid$q <- qtukey(qgrid$p, qgrid$means, qgrid$df)
grid$df <- fin(grid$df); qgrid$df <- fin(qgrid$df)

writeLines(toJSON(cases, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), "inference_reference.json")
writeLines(toJSON(list(ptukey = grid, qtukey = qgrid), digits = NA, na = "null", pretty = TRUE), "tukey_reference.json")
cat(sprintf("emmeans %s, lmerTest %s, car %s\n", packageVersion("emmeans"), packageVersion("lmerTest"), packageVersion("car")))
