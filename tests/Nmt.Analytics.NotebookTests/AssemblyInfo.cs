// The executor owns the process's console and current directory while a notebook runs: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
