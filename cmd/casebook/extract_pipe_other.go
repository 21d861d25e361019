//go:build !linux

package main

// widenPipe is a no-op where pipe buffers cannot be resized.
func widenPipe(any) {}
