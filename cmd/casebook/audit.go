package main

import (
	"context"

	"casebook"
)

func runAudit(ctx context.Context, env *cmdEnv, args []string) error {
	return casebook.Errorf(casebook.ENOTIMPLEMENTED, "audit is not built yet")
}
