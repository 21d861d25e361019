package main

import (
	"context"

	"casebook"
)

func runIngest(ctx context.Context, env *cmdEnv, args []string) error {
	return casebook.Errorf(casebook.ENOTIMPLEMENTED, "ingest is not built yet")
}
