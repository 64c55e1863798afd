# Poisson check of the scalar GLMM path: 200,000 sessions (20,000 clients x 10), writes the file and times glmer on it.
# Usage: Rscript poisson_check.R OUT.csv   then: nmt fit OUT.csv --model glmm --family poisson --formula "events ~ session + stress + (1 | client_id)"
suppressMessages({library(data.table); library(lme4)})
set.seed(7); cl <- 20000; k <- 10
d <- data.table(client_id = sprintf("c%05d", rep(seq_len(cl), each = k)), session = rep(seq_len(k), cl))
b <- rnorm(cl, 0, 0.5); s <- rnorm(cl)
d[, stress := round(rep(s, each = k), 4)]
d[, events := rpois(.N, exp(-0.3 + 0.05 * (session - 5.5) + 0.2 * stress + rep(b, each = k)))]
fwrite(d, commandArgs(TRUE)[1])
t <- system.time(m <- glmer(events ~ session + stress + (1 | client_id), d, family = poisson))
print(t); print(summary(m)$coefficients, digits = 8); print(VarCorr(m), digits = 8); print(logLik(m), digits = 12)
