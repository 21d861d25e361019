package main

import (
	"context"

	"casebook"
)

func runExport(ctx context.Context, env *cmdEnv, args []string) error {
	return casebook.Errorf(casebook.ENOTIMPLEMENTED, "export is not built yet")
}
