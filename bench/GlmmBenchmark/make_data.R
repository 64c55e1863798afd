# 1,000,000 sessions (100,000 clients x 10) with a 0/1 responder per session from a planted binomial GLMM:
# logit P(responder) = -0.5 + 0.15 (session - 5.5) - 0.3 stress + b_client,  b ~ N(0, 0.8^2), stress ~ N(0, 1) per client.
# Usage: Rscript make_data.R OUT.csv
suppressMessages(library(data.table))
set.seed(16)
out <- commandArgs(TRUE)[1]
clients <- 100000; sessions <- 10
d <- data.table(client_id = sprintf("c%06d", rep(seq_len(clients), each = sessions)), session = rep(seq_len(sessions), clients))
b <- rnorm(clients, 0, 0.8); s <- rnorm(clients)
d[, stress := round(rep(s, each = sessions), 4)]
eta <- -0.5 + 0.15 * (d$session - 5.5) - 0.3 * d$stress + rep(b, each = sessions)
d[, responder := rbinom(.N, 1, plogis(eta))]
fwrite(d, out)
