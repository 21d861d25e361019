package main

import (
	"context"

	"casebook"
)

func runInit(ctx context.Context, env *cmdEnv, args []string) error {
	return casebook.Errorf(casebook.ENOTIMPLEMENTED, "init is not built yet")
}
