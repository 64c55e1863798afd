# Reference values for the GLMM tests: lme4 (1.1-31) glmer, Laplace (nAGQ = 1) and adaptive Gauss-Hermite (nAGQ = 9).
# Run from this folder: Rscript make_glmm_reference.R   (R 4.2; lme4, jsonlite)
# Data: lme4::cbpp expanded to one 0/1 row per animal (the likelihood of the binomial counts up to the constant
# log choose(size, incidence)), lme4::grouseticks (Poisson counts).
suppressMessages({ library(jsonlite); library(lme4) })
Sys.setlocale("LC_COLLATE", "C")

rows <- lapply(seq_len(nrow(cbpp)), function(i) data.frame(herd = as.character(cbpp$herd[i]), period = paste0("p", cbpp$period[i]),
  sick = rep(c(1L, 0L), c(cbpp$incidence[i], cbpp$size[i] - cbpp$incidence[i]))))
cb <- do.call(rbind, rows)
cb$herd <- sprintf("h%02d", as.integer(cb$herd))
write.csv(cb, "cbpp_animals.csv", row.names = FALSE)
gt <- data.frame(TICKS = grouseticks$TICKS, YEAR = paste0("y", grouseticks$YEAR), cHEIGHT = grouseticks$cHEIGHT,
                 LOCATION = sprintf("L%03d", as.integer(as.character(grouseticks$LOCATION))))
write.csv(gt, "grouseticks.csv", row.names = FALSE)

read <- function(path) read.csv(path, stringsAsFactors = TRUE)
case <- function(name, data, formula, family, nagq = 1) {
  d <- read(data)
  m <- glmer(as.formula(formula), d, family = family, nAGQ = nagq, control = glmerControl(optimizer = "bobyqa"))
  s <- summary(m)$coefficients
  vc <- as.data.frame(VarCorr(m))
  list(name = name, data = paste0("Inference/", data), formula = formula, family = family, nagq = nagq,
       term = I(rownames(s)), estimate = I(s[, 1]), std_error = I(s[, 2]), statistic = I(s[, 3]), p_value = I(s[, 4]),
       variance = I(vc$vcov[is.na(vc$var2)]), correlation = I(vc$sdcor[!is.na(vc$var2)]),
       log_likelihood = as.numeric(logLik(m)), aic = AIC(m), bic = BIC(m), theta = I(getME(m, "theta")))
}
cases <- list(
  case("cbpp_laplace", "cbpp_animals.csv", "sick ~ period + (1 | herd)", "binomial"),
  case("cbpp_agq9", "cbpp_animals.csv", "sick ~ period + (1 | herd)", "binomial", 9),
  case("grouseticks_poisson", "grouseticks.csv", "TICKS ~ YEAR + cHEIGHT + (1 | LOCATION)", "poisson"))
writeLines(toJSON(cases, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), "glmm_reference.json")
cat(sprintf("lme4 %s\n", packageVersion("lme4")))
