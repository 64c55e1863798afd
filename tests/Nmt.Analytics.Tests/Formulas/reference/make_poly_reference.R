# Reference model matrices with poly() terms, from R's model.matrix, for the Formulas tests.
# Run from this folder: Rscript make_poly_reference.R   (R 4.2, jsonlite). Uses the CSVs written by
# make_formula_reference.R (mtcars) and the shared ../../Models/reference copies (airquality, ToothGrowth), and writes
# poly_matrices.json in the same shape.
suppressMessages(library(jsonlite))
Sys.setlocale("LC_COLLATE", "C")
data_sets <- list(mtcars = read.csv("mtcars.csv"), airquality = read.csv("../../Models/reference/airquality.csv"),
                  ToothGrowth = read.csv("../../Models/reference/ToothGrowth.csv"))
cases <- list(
  list(name = "mtcars_poly2", data = "mtcars", formula = "mpg ~ poly(hp, 2)"),
  list(name = "mtcars_poly3_with_factor", data = "mtcars", formula = "mpg ~ poly(wt, 3) + factor(cyl)"),
  list(name = "mtcars_poly_raw", data = "mtcars", formula = "mpg ~ poly(hp, 2, raw = TRUE) + wt"),
  list(name = "mtcars_poly_of_expression", data = "mtcars", formula = "mpg ~ poly(log(disp), 2)"),
  list(name = "mtcars_poly_interaction", data = "mtcars", formula = "mpg ~ poly(wt, 2) * factor(am)"),
  # Wind is complete, Ozone is not: R computes the basis over all 153 rows, then drops the rows missing Ozone.
  list(name = "airquality_poly_missing_response", data = "airquality", formula = "Ozone ~ poly(Wind, 2)"),
  list(name = "toothgrowth_poly_dose", data = "ToothGrowth", formula = "len ~ supp + poly(dose, 2)")
)
out <- lapply(cases, function(k) {
  d <- data_sets[[k$data]]
  mf <- model.frame(as.formula(k$formula), d, na.action = na.omit)
  X <- model.matrix(as.formula(k$formula), mf)
  excluded <- if (is.null(attr(mf, "na.action"))) integer(0) else as.integer(attr(mf, "na.action"))
  list(name = k$name, data = k$data, formula = k$formula, columns = colnames(X),
       x = lapply(seq_len(ncol(X)), function(j) unname(X[, j])),
       n = nrow(X), excluded_rows = excluded)
})
write_json(out, "poly_matrices.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
cat("wrote", length(out), "cases\n")
