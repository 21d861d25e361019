package main

import (
	"context"

	"casebook"
)

func runServe(ctx context.Context, env *cmdEnv, args []string) error {
	return casebook.Errorf(casebook.ENOTIMPLEMENTED, "serve is not built yet")
}
