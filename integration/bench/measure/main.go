// Command measure runs a command and reports its wall time, the CPU time of
// the whole process tree, and the tree's peak memory: the largest sum of
// the resident set sizes of the command and all its descendants, sampled
// from /proc every few milliseconds.
//
//	measure [-interval 10ms] [-o result.txt] -- command [args...]
//
// It prints (and writes to -o) one line:
//
//	wall_s=12.345 cpu_s=20.100 peak_rss_mib=812.4 exit=0
//
// and exits with the command's status. Linux only.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	interval := flag.Duration("interval", 10*time.Millisecond, "how often to sample the process tree")
	output := flag.String("o", "", "also write the result line to this file")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: measure [-interval d] [-o file] -- command [args...]")
		os.Exit(2)
	}

	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "measure: %v\n", err)
		os.Exit(2)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	root := cmd.Process.Pid
	var peak int64
	ticker := time.NewTicker(*interval)
	defer ticker.Stop()
	var waitErr error
sampling:
	for {
		if rss := treeRSS(root); rss > peak {
			peak = rss
		}
		select {
		case waitErr = <-done:
			break sampling
		case <-ticker.C:
		}
	}
	wall := time.Since(start)

	exit := 0
	var exitErr *exec.ExitError
	if errors.As(waitErr, &exitErr) {
		exit = exitErr.ExitCode()
	} else if waitErr != nil {
		fmt.Fprintf(os.Stderr, "measure: %v\n", waitErr)
		exit = 2
	}
	var cpu time.Duration
	if usage, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		cpu = time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
	}
	line := fmt.Sprintf("wall_s=%.3f cpu_s=%.3f peak_rss_mib=%.1f exit=%d\n",
		wall.Seconds(), cpu.Seconds(), float64(peak)/(1<<20), exit)
	fmt.Fprint(os.Stderr, line)
	if *output != "" {
		if err := os.WriteFile(*output, []byte(line), 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "measure: %v\n", err)
			os.Exit(2)
		}
	}
	os.Exit(exit)
}

// treeRSS is the summed resident set size, in bytes, of root and every
// process descended from it.
func treeRSS(root int) int64 {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	parent := map[int]int{}
	rss := map[int]int64{}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		ppid, pages, ok := readStat(pid)
		if !ok {
			continue
		}
		parent[pid] = ppid
		rss[pid] = pages * int64(os.Getpagesize())
	}
	var total int64
	for pid, bytes := range rss {
		for p, hops := pid, 0; p > 1 && hops < 64; p, hops = parent[p], hops+1 {
			if p == root {
				total += bytes
				break
			}
		}
	}
	return total
}

// readStat returns the parent pid and the resident pages of pid, from
// /proc/<pid>/stat (fields 4 and 24; the command name in field 2 may
// contain spaces and parentheses, so fields are counted after its last ')').
func readStat(pid int) (ppid int, pages int64, ok bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, 0, false
	}
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0, 0, false
	}
	fields := strings.Fields(string(data[i+1:]))
	// fields[0] is field 3 (state).
	if len(fields) < 22 {
		return 0, 0, false
	}
	ppid, err1 := strconv.Atoi(fields[1])
	pages, err2 := strconv.ParseInt(fields[21], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return ppid, pages, true
}
