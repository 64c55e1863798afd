# Reference values for the Benchmarking tests. Run from this folder: Rscript make_fixtures.R
# R 4.2.2; base R only.
options(digits = 17)
data(mtcars)
write.csv(mtcars[, c("mpg", "wt", "hp", "cyl")], "mtcars.csv", row.names = FALSE)
fit <- lm(mpg ~ wt + hp, data = mtcars)
out <- data.frame(term = names(coef(fit)), estimate = unname(coef(fit)))
write.csv(out, "mtcars_lm_coef.csv", row.names = FALSE)
writeLines(format(sigma(fit)^2, digits = 17), "mtcars_lm_sigma2.txt")
# Funnel limits (Spiegelhalter 2005): target 0.3, n = 10..200, 95% and 99.8%
n <- c(10, 50, 200)
z95 <- qnorm(0.975); z998 <- qnorm(0.999)
lim <- data.frame(n = n,
  mean_lo95 = 2 - z95 * 1.5 / sqrt(n), mean_hi95 = 2 + z95 * 1.5 / sqrt(n),
  mean_lo998 = 2 - z998 * 1.5 / sqrt(n), mean_hi998 = 2 + z998 * 1.5 / sqrt(n),
  prop_lo95 = pmax(0, 0.3 - z95 * sqrt(0.3 * 0.7 / n)), prop_hi95 = pmin(1, 0.3 + z95 * sqrt(0.3 * 0.7 / n)))
write.csv(lim, "funnel_limits.csv", row.names = FALSE)
