package main

import (
	"os"
	"syscall"
	"testing"
)

func TestWidenPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	widenPipe(r)
	const fGetPipeSize = 1032
	size, _, errno := syscall.Syscall(syscall.SYS_FCNTL, r.Fd(), fGetPipeSize, 0)
	if errno != 0 {
		t.Skipf("F_GETPIPE_SZ: %v", errno)
	}
	if size < 1<<20 {
		t.Skipf("pipe buffer %d bytes after widenPipe: the system caps it below 1 MB", size)
	}
	widenPipe(os.Stderr) // not a pipe here, or a pipe: either way no panic
	widenPipe(nil)
}
