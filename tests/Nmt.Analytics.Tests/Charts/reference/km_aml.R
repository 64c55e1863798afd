# Kaplan–Meier reference for KaplanMeierTests: survival::aml (Miller 1981), overall and by group x.
# Run: Rscript km_aml.R  (R 4.2, survival as installed)
library(survival)
write.csv(aml, "aml.csv", row.names = FALSE)
out <- NULL
for (g in c("all", levels(aml$x))) {
  d <- if (g == "all") aml else aml[aml$x == g, ]
  f <- survfit(Surv(time, status) ~ 1, data = d)  # defaults: conf.type = "log", conf.int = 0.95
  out <- rbind(out, data.frame(group = g, time = f$time, n_risk = f$n.risk, n_event = f$n.event,
                               n_censor = f$n.censor, surv = f$surv, std_err = f$std.err,
                               lower = f$lower, upper = f$upper))
}
write.csv(out, "km_aml.csv", row.names = FALSE)
