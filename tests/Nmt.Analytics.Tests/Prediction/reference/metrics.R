# Reference values for Nmt.Analytics.Prediction.PredictionMetrics, on R's built-in mtcars data set.
# Regression: y = mpg, p = fitted(lm(mpg ~ wt)). Binary: y = am, p = fitted(glm(am ~ wt, binomial)),
# and the same probabilities rounded to 1 decimal (to exercise tied scores in the AUC).
# Run: Rscript metrics.R  (writes metrics_data.csv and metrics_expected.csv next to this script)
data(mtcars)
y_reg <- mtcars$mpg
p_reg <- unname(fitted(lm(mpg ~ wt, data = mtcars)))
y_bin <- mtcars$am
p_bin <- unname(fitted(glm(am ~ wt, family = binomial, data = mtcars)))
p_tie <- round(p_bin, 1)

rmse <- function(y, p) sqrt(mean((y - p)^2))
mae <- function(y, p) mean(abs(y - p))
r2 <- function(y, p) 1 - sum((y - p)^2) / sum((y - mean(y))^2)
# AUC = Mann-Whitney U / (n1 n0), mid-ranks for ties (wilcox.test's W statistic)
auc <- function(y, p) unname(suppressWarnings(wilcox.test(p[y == 1], p[y == 0], exact = FALSE))$statistic) / (sum(y == 1) * sum(y == 0))
brier <- function(y, p) mean((p - y)^2)
logloss <- function(y, p) { q <- pmin(pmax(p, 1e-15), 1 - 1e-15); -mean(y * log(q) + (1 - y) * log(1 - q)) }

write.csv(format(data.frame(y_reg, p_reg, y_bin, p_bin, p_tie), digits = 17), "metrics_data.csv", row.names = FALSE, quote = FALSE)
expected <- data.frame(
  metric = c("rmse", "mae", "r2", "auc", "brier", "log_loss", "auc_ties", "brier_ties", "log_loss_ties"),
  value = c(rmse(y_reg, p_reg), mae(y_reg, p_reg), r2(y_reg, p_reg), auc(y_bin, p_bin), brier(y_bin, p_bin),
            logloss(y_bin, p_bin), auc(y_bin, p_tie), brier(y_bin, p_tie), logloss(y_bin, p_tie)))
write.csv(format(expected, digits = 17), "metrics_expected.csv", row.names = FALSE, quote = FALSE)
