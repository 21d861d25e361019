package main

import (
	"context"

	"casebook"
)

func runSearch(ctx context.Context, env *cmdEnv, args []string) error {
	return casebook.Errorf(casebook.ENOTIMPLEMENTED, "search is not built yet")
}
