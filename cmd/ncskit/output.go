package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Every command that writes a file (-o OUT) writes it through
// writeOutput, with these rules:
//
//   - "-" is standard output.
//   - A FIFO or a character device is opened for writing and written
//     through, in place: a pipe to another program, a terminal.
//   - A symbolic link is followed to its final target, which is then
//     treated as if it had been named; the link itself is never replaced.
//     A link to a path that does not exist yet creates that path, as the
//     shell's > does.
//   - A regular file, or a path that does not exist, is replaced whole or
//     not at all: the data goes to a temporary file in the target's
//     directory, which is then renamed over the target. A replaced file
//     keeps its permissions; a new one gets 0644.
//   - Anything else (a directory, a socket, a block device) is refused.
//
// Errors name OUT as the user gave it, and the link's target when a link
// was followed; never the temporary file.

// outputHelp ends the --help text of every command that writes a file.
const outputHelp = "\n\nThe -o file is written whole or not at all, through a temporary file\n" +
	"renamed over it; a replaced file keeps its permissions. A link is\n" +
	"followed to the file it names (created if need be); a FIFO or a\n" +
	"character device is written in place; a directory or other special\n" +
	"file is refused, and so is any of the command's input files, under\n" +
	"its own name or another."

// maxLinks is how many symbolic links a path may go through, as on Linux.
const maxLinks = 40

// outTarget is an output path with its links followed.
type outTarget struct {
	name string      // as the user gave it
	link bool        // name is a symbolic link
	path string      // after following links
	info fs.FileInfo // of path; nil when it does not exist yet
}

// checkOutput reports whether name could be written by writeOutput, so
// that a command can say so before it does any work. It opens nothing.
func checkOutput(name string) error {
	if name == "-" {
		return nil
	}
	_, err := resolveOutput(name)
	return err
}

// An input is a file a command reads, as messages describe it.
type input struct {
	what string // "the assessment", "the --model file"
	name string // as given; "" when there is none, "-" for standard input
}

// checkNotInput refuses an output that is one of the command's inputs:
// the same path, a link to it or another hard link to it, or the file
// that standard input reads. Writing the output would destroy the input.
// Only a regular file can be destroyed: reading a terminal and writing to
// it is fine. The error is a usageError.
func checkNotInput(e *env, out string, inputs ...input) error {
	if out == "-" {
		return nil
	}
	oi, err := os.Stat(out)
	if err != nil || !oi.Mode().IsRegular() {
		return nil
	}
	for _, in := range inputs {
		var ii fs.FileInfo
		stdin, isFile := e.stdin.(*os.File)
		switch {
		case in.name == "" || in.name == "-" && !isFile:
			continue
		case in.name == "-":
			ii, err = stdin.Stat()
		default:
			ii, err = os.Stat(in.name)
		}
		switch {
		case err != nil || !os.SameFile(oi, ii):
			continue
		case in.name == "-":
			return usagef("-o %s is %s, read from standard input; choose another OUT", out, in.what)
		}
		return usagef("-o %s is %s %s; choose another OUT", out, in.what, in.name)
	}
	return nil
}

// writeOutput writes data to the output name by the rules above.
func writeOutput(e *env, name string, data []byte) error {
	if name == "-" {
		if _, err := e.stdout.Write(data); err != nil {
			return fmt.Errorf("cannot write standard output: %v", bareErr(err))
		}
		return nil
	}
	t, err := resolveOutput(name)
	if err != nil {
		return err
	}
	if t.info != nil && t.info.Mode().Type() != 0 {
		err = t.writeThrough(data)
	} else {
		err = t.replace(data)
	}
	if err != nil {
		return t.fail(bareErr(err).Error())
	}
	return nil
}

// resolveOutput finds what name leads to, and refuses what cannot be
// written: a kind of file other than those above, or a new file in a
// directory that does not exist.
func resolveOutput(name string) (*outTarget, error) {
	t := &outTarget{name: name, path: name}
	if info, err := os.Lstat(name); err == nil && info.Mode().Type() == fs.ModeSymlink {
		t.link = true
	}
	// The kernel follows the links, even those that name no path, such
	// as /dev/stdout when it is a pipe.
	info, err := os.Stat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return t.create()
	}
	if err != nil {
		return nil, t.fail(bareErr(err).Error())
	}
	t.info = info
	mode := info.Mode()
	if mode&(fs.ModeNamedPipe|fs.ModeCharDevice) != 0 {
		return t, nil // opened by name
	}
	// A regular file is replaced by a rename in its own directory.
	path, err := filepath.EvalSymlinks(name)
	if err != nil {
		return nil, t.fail(bareErr(err).Error())
	}
	t.path = path
	if !mode.IsRegular() {
		return nil, t.fail("it is a " + kindOf(mode) + "; -o takes a regular file, a FIFO or a character device")
	}
	return t, nil
}

// create finds where the new file t.name goes: there, or at the end of
// the chain of links that starts there, in a directory that exists.
func (t *outTarget) create() (*outTarget, error) {
	for links := 0; ; links++ {
		info, err := os.Lstat(t.path)
		if errors.Is(err, fs.ErrNotExist) {
			break
		}
		if err != nil {
			return nil, t.fail(bareErr(err).Error())
		}
		if info.Mode().Type() != fs.ModeSymlink || links == maxLinks {
			// Not there a moment ago; or a chain too long to be
			// followed, which Stat would have said.
			return nil, t.fail("it changed while it was being checked")
		}
		dest, err := os.Readlink(t.path)
		if err != nil {
			return nil, t.fail(bareErr(err).Error())
		}
		if !filepath.IsAbs(dest) {
			// Relative to the link's directory, with that directory's
			// own links resolved so that ".." means what it does to the
			// kernel.
			dir, err := filepath.EvalSymlinks(filepath.Dir(t.path))
			if err != nil {
				return nil, t.fail(bareErr(err).Error())
			}
			dest = filepath.Join(dir, dest)
		}
		t.path = dest
	}
	dir := filepath.Dir(t.path)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, t.fail(fmt.Sprintf("the directory %s does not exist", dir))
	case err != nil:
		return nil, t.fail(bareErr(err).Error())
	case !info.IsDir():
		return nil, t.fail(fmt.Sprintf("%s is not a directory", dir))
	}
	return t, nil
}

// writeThrough writes to a FIFO or a character device in place. Opening
// a FIFO waits for a reader.
func (t *outTarget) writeThrough(data []byte) error {
	f, err := os.OpenFile(t.path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// replace writes a temporary file beside the target and renames it over
// the target.
func (t *outTarget) replace(data []byte) error {
	mode := fs.FileMode(0o644)
	if t.info != nil {
		mode = t.info.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(t.path), "."+filepath.Base(t.path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(mode)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, t.path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// fail returns the error "cannot write NAME: msg", NAME being the path the
// user gave and, when it is a link, where it leads.
func (t *outTarget) fail(msg string) error {
	name := t.name
	if t.link && t.path != t.name {
		name += " (a link to " + t.path + ")"
	}
	return fmt.Errorf("cannot write %s: %s", name, msg)
}

// kindOf names the kind of file of mode, for messages.
func kindOf(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "directory"
	case mode&fs.ModeSocket != 0:
		return "socket"
	case mode&fs.ModeDevice != 0 && mode&fs.ModeCharDevice == 0:
		return "block device"
	case mode&fs.ModeNamedPipe != 0:
		return "FIFO"
	case mode&fs.ModeCharDevice != 0:
		return "character device"
	case mode&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "special file"
}

// bareErr drops the operation and the path that os errors repeat (they
// may name a temporary file), keeping the reason.
func bareErr(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	case errors.As(err, &se):
		return se.Err
	}
	return err
}
