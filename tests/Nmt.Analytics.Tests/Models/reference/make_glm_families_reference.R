# Reference values for the GLM core (Models/Glm): R's glm + summary.glm for poisson, gaussian and binomial-probit
# families on named data sets. Run from this folder: Rscript make_glm_families_reference.R   (R 4.2, MASS, jsonlite)
# Wald intervals as the fit reports them: z for fixed-dispersion families, t(df.residual) for gaussian.
suppressMessages({ library(jsonlite); library(MASS) })
Sys.setlocale("LC_COLLATE", "C")

as_text <- function(d) { for (n in names(d)) if (is.factor(d[[n]])) d[[n]] <- as.character(d[[n]]); d }
# Dobson (1990, p. 93), the randomized controlled trial of ?glm.
dobson <- data.frame(counts = c(18, 17, 15, 20, 10, 20, 25, 13, 12), outcome = gl(3, 1, 9), treatment = gl(3, 3))
new_sets <- list(InsectSprays = as_text(InsectSprays), dobson = as_text(dobson),
                 Insurance = as_text(MASS::Insurance))  # ordered factors written as text: treatment contrasts
for (n in names(new_sets)) write.csv(new_sets[[n]], paste0(n, ".csv"), row.names = FALSE, na = "")
read <- function(n) read.csv(paste0(n, ".csv"), stringsAsFactors = FALSE)

cases <- list(
  list(name = "warpbreaks_poisson", data = "warpbreaks", formula = "breaks ~ wool + tension", family = "poisson", link = "log"),
  list(name = "insectsprays_poisson", data = "InsectSprays", formula = "count ~ spray", family = "poisson", link = "log"),
  list(name = "dobson_poisson", data = "dobson", formula = "counts ~ factor(outcome) + factor(treatment)", family = "poisson", link = "log"),
  list(name = "insurance_poisson", data = "Insurance", formula = "Claims ~ factor(District) + Group + Age + log(Holders)", family = "poisson", link = "log"),
  list(name = "insectsprays_poisson_identity", data = "InsectSprays", formula = "count ~ spray", family = "poisson", link = "identity"),
  list(name = "mtcars_gaussian", data = "mtcars", formula = "mpg ~ wt + factor(cyl)", family = "gaussian", link = "identity"),
  list(name = "mtcars_gaussian_log", data = "mtcars", formula = "mpg ~ wt + hp", family = "gaussian", link = "log"),
  list(name = "infert_probit", data = "infert", formula = "case ~ spontaneous + induced + age", family = "binomial", link = "probit")
)
full <- function(fit, v) { out <- rep(NA_real_, length(coef(fit))); out[!is.na(coef(fit))] <- v; out }
out <- lapply(cases, function(k) {
  d <- read(k$data)
  fam <- get(k$family)(link = k$link)
  fit <- glm(as.formula(k$formula), fam, d)
  s <- summary(fit)
  ok <- !is.na(coef(fit))
  b <- coef(fit)[ok]; se <- sqrt(diag(vcov(fit)))[ok]; stat <- b / se
  df <- if (k$family == "gaussian") fit$df.residual else Inf
  p <- if (is.finite(df)) 2 * pt(-abs(stat), df) else 2 * pnorm(-abs(stat))
  q <- if (is.finite(df)) qt(0.975, df) else qnorm(0.975)
  stopifnot(max(abs(p - s$coefficients[, 4])) < 1e-12)
  list(name = k$name, data = k$data, formula = k$formula, family = k$family, link = k$link,
       terms = names(coef(fit)), estimate = unname(coef(fit)),
       std_error = full(fit, se), statistic = full(fit, stat), p_value = full(fit, p),
       ci_low = full(fit, b - q * se), ci_high = full(fit, b + q * se),
       dispersion = s$dispersion, deviance = fit$deviance, null_deviance = fit$null.deviance,
       df_residual = fit$df.residual, df_null = fit$df.null,
       log_lik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit), iterations = fit$iter,
       converged = fit$converged, nobs = nobs(fit),
       fitted = unname(fitted(fit)), deviance_residuals = unname(residuals(fit, type = "deviance")))
})
write_json(out, "glm_families_reference.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
cat("wrote", length(out), "glm family cases\n")
