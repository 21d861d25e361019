package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"golang.org/x/term"

	"casebook"
	"casebook/audit"
	"casebook/auth"
)

const userUsage = `usage: casebook user add [--role admin|analyst|viewer] [--password-stdin] NAME
       casebook user passwd [--password-stdin] NAME
       casebook user role NAME admin|analyst|viewer
       casebook user del NAME
       casebook user list

A password is asked for on a terminal (twice, not echoed) or read as the
first line of standard input when it is piped.`

// runUser manages accounts. Every change is audited; deleting a user or
// changing a password ends that user's sessions.
func runUser(ctx context.Context, env *cmdEnv, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(env.stderr, userUsage)
		return errUsage
	}
	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("user "+sub, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() { fmt.Fprintln(env.stderr, userUsage); fs.PrintDefaults() }
	sc := storeFlags(fs, env)
	var role *string
	var fromStdin *bool
	switch sub {
	case "add":
		role = fs.String("role", casebook.RoleViewer, "role: admin, analyst or viewer")
		fromStdin = fs.Bool("password-stdin", false, "read the password from standard input")
	case "passwd":
		fromStdin = fs.Bool("password-stdin", false, "read the password from standard input")
	case "del", "list", "role":
	default:
		fmt.Fprintf(env.stderr, "casebook user: unknown subcommand %q\n%s\n", sub, userUsage)
		return errUsage
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	wantArgs := map[string]int{"list": 0, "role": 2}[sub]
	if sub != "list" && sub != "role" {
		wantArgs = 1
	}
	if fs.NArg() != wantArgs {
		fs.Usage()
		return errUsage
	}
	name := fs.Arg(0)
	if sub == "add" {
		if err := checkUserName(name); err != nil {
			return err
		}
		if !casebook.ValidRole(*role) {
			return casebook.Errorf(casebook.EINVALID, "role %q: want admin, analyst or viewer", *role)
		}
	}
	if sub == "role" && !casebook.ValidRole(fs.Arg(1)) {
		return casebook.Errorf(casebook.EINVALID, "role %q: want admin, analyst or viewer", fs.Arg(1))
	}
	var pw string
	if sub == "add" || sub == "passwd" {
		var err error
		if pw, err = readNewPassword(env, name, *fromStdin); err != nil {
			return err
		}
	}
	st, err := sc.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	actor := cliActor(env)
	switch sub {
	case "add":
		hash, err := auth.HashPassword(pw)
		if err != nil {
			return err
		}
		u := &casebook.User{Name: name, Role: *role, PasswordHash: hash, CreatedAt: time.Now().UTC()}
		if err := st.CreateUser(ctx, u); err != nil {
			return fmt.Errorf("add user %s: %w", name, err)
		}
		if err := audit.Record(ctx, st, actor, audit.ActionUserAdd, audit.Object("user", name), "role="+u.Role); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "added %s (%s)\n", name, u.Role)
	case "passwd":
		u, err := st.FindUserByName(ctx, name)
		if err != nil {
			return fmt.Errorf("user %s: %w", name, err)
		}
		if u.PasswordHash, err = auth.HashPassword(pw); err != nil {
			return err
		}
		if err := st.UpdateUser(ctx, u); err != nil {
			return fmt.Errorf("update user %s: %w", name, err)
		}
		// A new password shuts out whoever knew the old one.
		if err := st.DeleteUserSessions(ctx, u.ID); err != nil {
			return fmt.Errorf("end sessions of %s: %w", name, err)
		}
		if err := audit.Record(ctx, st, actor, audit.ActionUserPasswd, audit.Object("user", name), "sessions ended"); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "password of %s changed; its sessions are ended\n", name)
	case "role":
		u, err := st.FindUserByName(ctx, name)
		if err != nil {
			return fmt.Errorf("user %s: %w", name, err)
		}
		old := u.Role
		if old == casebook.RoleAdmin && fs.Arg(1) != casebook.RoleAdmin {
			if err := keepOneAdmin(ctx, st, u.ID); err != nil {
				return err
			}
		}
		u.Role = fs.Arg(1)
		if err := st.UpdateUser(ctx, u); err != nil {
			return fmt.Errorf("update user %s: %w", name, err)
		}
		// Sessions opened under the old role end with it.
		if err := st.DeleteUserSessions(ctx, u.ID); err != nil {
			return fmt.Errorf("end sessions of %s: %w", name, err)
		}
		if err := audit.Record(ctx, st, actor, audit.ActionUserRole, audit.Object("user", name), old+"→"+u.Role); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "%s is now %s; its sessions are ended\n", name, u.Role)
	case "del":
		u, err := st.FindUserByName(ctx, name)
		if err != nil {
			return fmt.Errorf("user %s: %w", name, err)
		}
		if u.Role == casebook.RoleAdmin {
			if err := keepOneAdmin(ctx, st, u.ID); err != nil {
				return err
			}
		}
		if err := st.DeleteUserSessions(ctx, u.ID); err != nil {
			return fmt.Errorf("end sessions of %s: %w", name, err)
		}
		if err := st.DeleteUser(ctx, u.ID); err != nil {
			return fmt.Errorf("delete user %s: %w", name, err)
		}
		if err := audit.Record(ctx, st, actor, audit.ActionUserDel, audit.Object("user", name), "role="+u.Role); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "deleted %s\n", name)
	case "list":
		users, err := st.FindUsers(ctx)
		if err != nil {
			return fmt.Errorf("list users: %w", err)
		}
		tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tROLE\tCREATED")
		for _, u := range users {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", u.Name, u.Role, u.CreatedAt.UTC().Format("2006-01-02 15:04"))
		}
		tw.Flush()
	}
	return nil
}

// keepOneAdmin refuses to delete the last admin: nobody could then manage
// users or sources from the web app.
func keepOneAdmin(ctx context.Context, st casebook.Store, id int64) error {
	users, err := st.FindUsers(ctx)
	if err != nil {
		return fmt.Errorf("list users: %w", err)
	}
	for _, u := range users {
		if u.Role == casebook.RoleAdmin && u.ID != id {
			return nil
		}
	}
	return casebook.Errorf(casebook.ECONFLICT, "refusing to delete the last admin; add another admin first")
}

// checkUserName accepts 1–64 letters, digits and . _ - @ (Korean letters too):
// names appear in logs and pages, so no spaces or control characters.
func checkUserName(name string) error {
	if name == "" || len(name) > 64 {
		return casebook.Errorf(casebook.EINVALID, "a user name has 1–64 characters")
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-@", r) {
			return casebook.Errorf(casebook.EINVALID, "user name %q: use letters, digits and . _ - @ only", name)
		}
	}
	return nil
}

// readNewPassword asks twice without echo on a terminal; otherwise it reads
// the first line of stdin. The password must meet the policy.
func readNewPassword(env *cmdEnv, name string, fromStdin bool) (string, error) {
	f, isFile := env.stdin.(*os.File)
	if !fromStdin && isFile && term.IsTerminal(int(f.Fd())) {
		fmt.Fprintf(env.stderr, "new password for %s (at least %d characters): ", name, auth.MinPasswordLength)
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(env.stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		if err := auth.CheckPasswordPolicy(string(a)); err != nil {
			return "", err
		}
		fmt.Fprint(env.stderr, "again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(env.stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		if string(a) != string(b) {
			return "", casebook.Errorf(casebook.EINVALID, "the passwords differ")
		}
		return string(a), nil
	}
	line, err := bufio.NewReader(io.LimitReader(env.stdin, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", casebook.Errorf(casebook.EINVALID, "no password on standard input")
	}
	return pw, auth.CheckPasswordPolicy(pw)
}
