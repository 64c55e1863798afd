# Reference values for tests/Nmt.Analytics.Tests/Outcomes (R 4.2, base R only).
# Run from this folder: Rscript make_reference.R
# Writes CSVs with 17 significant digits.
options(digits = 17)
w <- function(df, file) write.csv(format(df, digits = 17), file, row.names = FALSE, quote = TRUE)

ci_t <- function(x) { tt <- t.test(x); c(n = length(x), mean = mean(x), sd = sd(x), ci_low = tt$conf.int[1], ci_high = tt$conf.int[2]) }

# 1. Paired effect sizes on `sleep`: pre = group 1, post = group 2, paired by ID.
pre <- sleep$extra[sleep$group == 1]; post <- sleep$extra[sleep$group == 2]
d <- post - pre; n <- length(d); df <- n - 1
tt <- t.test(post, pre, paired = TRUE)
dz <- mean(d) / sd(d)
tobs <- dz * sqrt(n)
ncp_at <- function(p) uniroot(function(ncp) pt(tobs, df, ncp) - p, c(-50, 50), tol = 1e-12)$root
dz_low <- ncp_at(0.975) / sqrt(n); dz_high <- ncp_at(0.025) / sqrt(n)
J <- 1 - 3 / (4 * df - 1)
dav <- mean(d) / ((sd(pre) + sd(post)) / 2)
w(data.frame(n = n, mean_change = mean(d), sd_change = sd(d), t_ci_low = tt$conf.int[1], t_ci_high = tt$conf.int[2],
             d_z = dz, d_z_ci_low = dz_low, d_z_ci_high = dz_high, j = J, g_z = J * dz, d_av = dav, g_av = J * dav),
  "sleep_paired.csv")

# 2. Noncentral t CDF values.
grid <- expand.grid(t = c(-2.5, 0, 1.3, 4.06), df = c(1, 4, 9, 29, 120), ncp = c(-1, 0, 2.5))
grid$p <- mapply(function(t, df, ncp) pt(t, df, ncp), grid$t, grid$df, grid$ncp)
w(grid, "noncentral_t.csv")

# 3. ChickWeight as sessions: client = Chick, session = Time order, value = weight, group = Diet.
#    Client level: mean weight per chick, then t CI across chicks; session level: t CI over all rows.
cw <- as.data.frame(ChickWeight)
client_means <- aggregate(weight ~ Chick + Diet, data = cw, FUN = mean)
rows <- lapply(levels(cw$Diet), function(g) {
  cl <- ci_t(client_means$weight[client_means$Diet == g]); se <- ci_t(cw$weight[cw$Diet == g])
  data.frame(level = g, n_sessions = sum(cw$Diet == g), n_clients = cl[["n"]], mean = cl[["mean"]], sd = cl[["sd"]],
             ci_low = cl[["ci_low"]], ci_high = cl[["ci_high"]], session_mean = se[["mean"]], session_sd = se[["sd"]],
             session_ci_low = se[["ci_low"]], session_ci_high = se[["ci_high"]])
})
w(do.call(rbind, rows), "chickweight_by_diet.csv")
# The data sets are committed once (chickweight by ../../Inference, airquality and ToothGrowth by ../../Models): check those copies.
same <- function(d, path, ...) stopifnot(isTRUE(all.equal(read.csv(path, ...), d, check.attributes = FALSE)))
same(cw[, c("weight", "Time", "Chick", "Diet")], "../../Inference/reference/chickweight.csv", colClasses = c(Chick = "factor", Diet = "factor"))

# 4. airquality: Ozone (with NAs) by Month, one "client" per day; Wind banded (-Inf,7], (7,12], (12,Inf).
aq <- airquality
ok <- aq[!is.na(aq$Ozone), ]
by_month <- do.call(rbind, lapply(sort(unique(ok$Month)), function(m) {
  r <- ci_t(ok$Ozone[ok$Month == m]); data.frame(level = as.character(m), n = r[["n"]], mean = r[["mean"]], sd = r[["sd"]], ci_low = r[["ci_low"]], ci_high = r[["ci_high"]])
}))
w(by_month, "airquality_ozone_by_month.csv")
ok$band <- cut(ok$Wind, c(-Inf, 7, 12, Inf), labels = c("calm", "breezy", "windy"), right = TRUE)
by_wind <- do.call(rbind, lapply(levels(ok$band), function(b) {
  r <- ci_t(ok$Ozone[ok$band == b]); data.frame(level = b, n = r[["n"]], mean = r[["mean"]], sd = r[["sd"]], ci_low = r[["ci_low"]], ci_high = r[["ci_high"]])
}))
w(by_wind, "airquality_ozone_by_wind.csv")
same(aq, "../../Models/reference/airquality.csv")

# 5. ToothGrowth: len by supp x dose, mean/SD/t CI via aggregate.
tg <- aggregate(len ~ supp + dose, data = ToothGrowth, FUN = function(x) ci_t(x))
tg <- data.frame(supp = tg$supp, dose = tg$dose, tg$len)
w(tg, "toothgrowth_by_supp_dose.csv")
same(ToothGrowth, "../../Models/reference/ToothGrowth.csv", colClasses = c(supp = "factor"))

# 6. Wilson score interval = prop.test(correct = FALSE).
props <- data.frame(x = c(7, 0, 15, 33), n = c(20, 15, 15, 61))
ci <- t(mapply(function(x, n) prop.test(x, n, correct = FALSE)$conf.int, props$x, props$n))
props$ci_low <- ci[, 1]; props$ci_high <- ci[, 2]
w(props, "wilson.csv")
