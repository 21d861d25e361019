package main

import (
	"os"
	"syscall"
)

// fSetPipeSize is F_SETPIPE_SZ (linux/fcntl.h), which package syscall lacks.
const fSetPipeSize = 1031

// widenPipe asks for a 1 MB buffer when f is a pipe: a batch streamed
// through the default 64 KB one costs both ends a wake-up per 64 KB. It is
// only a hint; any failure leaves the pipe as it was.
func widenPipe(f any) {
	file, ok := f.(*os.File)
	if !ok {
		return
	}
	if fi, err := file.Stat(); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		return
	}
	if sc, err := file.SyscallConn(); err == nil {
		_ = sc.Control(func(fd uintptr) {
			syscall.Syscall(syscall.SYS_FCNTL, fd, fSetPipeSize, 1<<20)
		})
	}
}
