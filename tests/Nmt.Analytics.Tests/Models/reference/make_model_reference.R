# Reference values for the Models tests: lm (classical, HC0, HC1, HC3, CR1) and glm(binomial) on named data sets.
# Run from this folder: Rscript make_model_reference.R   (R 4.2, sandwich, jsonlite)
# CR1 is computed explicitly (Cameron & Miller 2015: G/(G-1) * (n-1)/(n-p)) and checked against
# sandwich::vcovCL(type = "HC1"); its t tests use G - 1 df (Stata's convention).
suppressMessages({ library(jsonlite); library(sandwich) })
Sys.setlocale("LC_COLLATE", "C")

as_text <- function(d) { for (n in names(d)) if (is.factor(d[[n]])) d[[n]] <- as.character(d[[n]]); d }
mt <- cbind(model = rownames(mtcars), mtcars); mt$wt2 <- 2 * mt$wt
# Cluster ids that are not regressors (a cluster equal to a factor level makes CR1 degenerate):
# warpbreaks' 9 replicates per wool x tension cell as 'loom', iris rows as 10 'plot's per species.
wb <- as_text(warpbreaks); wb$loom <- rep(1:9, 6)
ir <- as_text(iris); ir$plot <- rep(1:10, 15)
data_sets <- list(mtcars = mt, warpbreaks = wb, iris = ir,
                  ToothGrowth = as_text(ToothGrowth), airquality = airquality, infert = as_text(infert))
set.seed(20240501)
sep <- data.frame(x = c(-3, -2.5, -2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2, 2.5, 3), z = round(rnorm(12), 3))
sep$y <- as.integer(sep$x > 0)
data_sets$separated <- sep
for (n in names(data_sets)) write.csv(data_sets[[n]], paste0(n, ".csv"), row.names = FALSE, na = "")

cr1 <- function(fit, cluster) {
  X <- model.matrix(fit)[, !is.na(coef(fit)), drop = FALSE]; e <- residuals(fit)
  n <- nrow(X); p <- ncol(X); G <- length(unique(cluster))
  bread <- solve(crossprod(X))
  scores <- rowsum(X * e, cluster)
  V <- bread %*% crossprod(scores) %*% bread * G / (G - 1) * (n - 1) / (n - p)
  V2 <- vcovCL(fit, cluster = cluster, type = "HC1")
  if (nrow(V2) > p) V2 <- V2[!is.na(coef(fit)), !is.na(coef(fit)), drop = FALSE]
  stopifnot(max(abs(V - V2)) < 1e-10 * max(abs(V)))
  list(V = V, G = G)
}
reduced <- function(V, ok) if (nrow(V) > sum(ok)) V[ok, ok, drop = FALSE] else V
full <- function(fit, v) { out <- rep(NA_real_, length(coef(fit))); out[!is.na(coef(fit))] <- v; out }
inference <- function(fit, V, df) {
  b <- coef(fit)[!is.na(coef(fit))]; se <- sqrt(diag(V)); t <- b / se; q <- qt(0.975, df)
  list(std_error = full(fit, se), statistic = full(fit, t), p_value = full(fit, 2 * pt(-abs(t), df)),
       ci_low = full(fit, b - q * se), ci_high = full(fit, b + q * se), df = df)
}

lm_cases <- list(
  list(name = "mtcars_cyl", data = "mtcars", formula = "mpg ~ wt + factor(cyl)", cluster = "carb"),
  list(name = "mtcars_interactions", data = "mtcars", formula = "mpg ~ wt * factor(am) + I(hp^2) + log(disp)", cluster = "gear"),
  list(name = "warpbreaks_factorial", data = "warpbreaks", formula = "breaks ~ wool * tension", cluster = "loom"),
  list(name = "iris_species_slopes", data = "iris", formula = "Sepal.Length ~ Species * Petal.Width", cluster = "plot"),
  list(name = "airquality_missing", data = "airquality", formula = "Ozone ~ Solar.R + Wind + Temp + factor(Month)", cluster = "Month"),
  list(name = "mtcars_aliased_duplicate", data = "mtcars", formula = "mpg ~ wt + hp + wt2", cluster = "carb"),
  list(name = "mtcars_aliased_cells", data = "mtcars", formula = "mpg ~ factor(gear) * factor(carb)", cluster = "am"),
  list(name = "mtcars_no_intercept", data = "mtcars", formula = "mpg ~ 0 + wt + hp", cluster = "carb")
)
lm_out <- lapply(lm_cases, function(k) {
  d <- data_sets[[k$data]]
  fit <- lm(as.formula(k$formula), d)
  s <- summary(fit)
  used <- d[rownames(model.frame(fit)), ]
  cl <- cr1(fit, used[[k$cluster]])
  ok <- !is.na(coef(fit))
  fs <- if (is.null(s$fstatistic)) c(NA, NA, NA) else s$fstatistic
  list(name = k$name, data = k$data, formula = k$formula, cluster = k$cluster,
       terms = names(coef(fit)), estimate = unname(coef(fit)),
       classical = inference(fit, vcov(fit)[ok, ok, drop = FALSE], fit$df.residual),
       hc0 = inference(fit, reduced(vcovHC(fit, type = "HC0"), ok), fit$df.residual),
       hc1 = inference(fit, reduced(vcovHC(fit, type = "HC1"), ok), fit$df.residual),
       hc3 = inference(fit, reduced(vcovHC(fit, type = "HC3"), ok), fit$df.residual),
       cr1 = inference(fit, cl$V, cl$G - 1), clusters = cl$G,
       r_squared = s$r.squared, adj_r_squared = s$adj.r.squared, sigma = s$sigma,
       f_statistic = unname(fs[1]), f_df = unname(fs[2]),
       f_p_value = if (is.na(fs[1])) NA else unname(pf(fs[1], fs[2], fs[3], lower.tail = FALSE)),
       log_lik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit), deviance = deviance(fit),
       df_residual = fit$df.residual, nobs = nobs(fit),
       leverage = unname(hatvalues(fit)), residuals = unname(residuals(fit)))
})
write_json(lm_out, "lm_reference.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")

glm_cases <- list(
  list(name = "mtcars_am", data = "mtcars", formula = "am ~ wt + hp"),
  list(name = "infert_case", data = "infert", formula = "case ~ spontaneous + induced + age + education"),
  list(name = "toothgrowth_factor_response", data = "ToothGrowth", formula = "supp ~ len + factor(dose)"),
  list(name = "mtcars_aliased", data = "mtcars", formula = "am ~ wt + wt2 + qsec"),
  list(name = "mtcars_no_intercept", data = "mtcars", formula = "vs ~ 0 + mpg + wt"),
  list(name = "separated", data = "separated", formula = "y ~ x + z")
)
glm_out <- lapply(glm_cases, function(k) {
  d <- data_sets[[k$data]]
  if (k$name == "toothgrowth_factor_response") d$supp <- factor(d$supp)
  warnings <- character(0)
  fit <- withCallingHandlers(glm(as.formula(k$formula), binomial, d),
                             warning = function(w) { warnings <<- c(warnings, conditionMessage(w)); invokeRestart("muffleWarning") })
  s <- summary(fit)
  ok <- !is.na(coef(fit))
  b <- coef(fit)[ok]; se <- sqrt(diag(vcov(fit)))[ok]; z <- b / se; q <- qnorm(0.975)
  list(name = k$name, data = k$data, formula = k$formula, terms = names(coef(fit)), estimate = unname(coef(fit)),
       std_error = full(fit, se), statistic = full(fit, z), p_value = full(fit, 2 * pnorm(-abs(z))),
       ci_low = full(fit, b - q * se), ci_high = full(fit, b + q * se),
       odds_ratio = full(fit, exp(b)),
       deviance = fit$deviance, null_deviance = fit$null.deviance, df_residual = fit$df.residual, df_null = fit$df.null,
       log_lik = as.numeric(logLik(fit)), aic = AIC(fit), bic = BIC(fit), iterations = fit$iter,
       converged = fit$converged, nobs = nobs(fit), warnings = warnings)
})
write_json(glm_out, "glm_reference.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
cat("wrote", length(lm_out), "lm and", length(glm_out), "glm cases\n")
