package main

import (
	"context"

	"casebook"
)

func runUser(ctx context.Context, env *cmdEnv, args []string) error {
	return casebook.Errorf(casebook.ENOTIMPLEMENTED, "user is not built yet")
}
