# Reference for the episode-level ANCOVA (nmt fit --level episode): R 4.2, base stats only.
# Run from this folder: Rscript make_episode_reference.R
# The episode table is built here independently of nmt: per client, sessions ordered by session then day;
# first_pain_pre = pain_pre of the first session, last_pain_post = pain_post of the last (Vickers & Altman 2001 ANCOVA).
d <- read.csv("../../../../data/demo/sessions.csv", stringsAsFactors = FALSE)
d <- d[order(d$client_id, d$session, d$day), ]
first <- d[!duplicated(d$client_id), ]
last <- d[!duplicated(d$client_id, fromLast = TRUE), ]
ep <- data.frame(client_id = first$client_id, first_pain_pre = first$pain_pre, region = first$region,
                 last_pain_post = last$pain_post[match(first$client_id, last$client_id)])
ep <- ep[!is.na(ep$first_pain_pre) & !is.na(ep$last_pain_post), ]
fit <- lm(last_pain_post ~ first_pain_pre + region, data = ep)
s <- summary(fit)$coefficients
ci <- confint(fit)
out <- data.frame(term = rownames(s), estimate = s[, 1], std_error = s[, 2], statistic = s[, 3], p_value = s[, 4],
                  ci_low = ci[, 1], ci_high = ci[, 2], df = fit$df.residual, n_obs = nrow(ep))
write.csv(out, "demo_episode_ancova.csv", row.names = FALSE)
# The change-score analysis on the same rows, for docs/clinical-significance.md (not asserted: it is another estimand).
ch <- lm(I(last_pain_post - first_pain_pre) ~ region, data = ep)
cat(sprintf("ANCOVA sigma %.4f, change-score sigma %.4f\n", summary(fit)$sigma, summary(ch)$sigma))
