package main

import (
	"context"

	"casebook"
)

func runVerify(ctx context.Context, env *cmdEnv, args []string) error {
	return casebook.Errorf(casebook.ENOTIMPLEMENTED, "verify is not built yet")
}
