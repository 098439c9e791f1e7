package problem_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ncskit/ncskit/problem"
)

func TestString(t *testing.T) {
	for _, c := range []struct {
		p    problem.Problem
		want string
	}{
		{problem.Problem{Message: "the file is empty"}, "the file is empty"},
		{problem.Problem{File: "a.json", Message: "the file is empty"}, "a.json: the file is empty"},
		{problem.Problem{File: "a.json", At: "/responses/0/level", Message: "7 is above the highest level (5)"},
			"a.json: /responses/0/level: 7 is above the highest level (5)"},
		{problem.Problem{At: "/responses/0/indicator", Message: `unknown indicator "gov.str.1"`, Hint: `did you mean "GOV.STR.1"?`},
			`/responses/0/indicator: unknown indicator "gov.str.1"; did you mean "GOV.STR.1"?`},
		{problem.Problem{File: "ana.xlsx", At: "IRC!D14", Message: `"7" is not a level (1-5)`}, `ana.xlsx: IRC!D14: "7" is not a level (1-5)`},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("%#v:\n got %q\nwant %q", c.p, got, c.want)
		}
	}
}

func TestSort(t *testing.T) {
	l := problem.List{
		{File: "b.json", At: "/a", Message: "1"},
		{File: "a.xlsx", At: "IRC!AA2", Message: "2"},
		{File: "a.xlsx", At: "IRC!D10", Message: "3"},
		{File: "a.xlsx", At: "IRC!Z2", Message: "4"},
		{File: "a.xlsx", At: "IRC!D9", Message: "5"},
		{File: "a.xlsx", Message: "6"},
		{File: "a.json", At: "/responses/10/level", Message: "7"},
		{File: "a.json", At: "/responses/9/level", Message: "8"},
		{File: "a.json", At: "/responses/9", Message: "9"},
		{File: "a.json", At: "/responses/9", Message: "10"},
		{File: "a.json", At: "/model", Message: "11"},
	}
	l.Sort()
	var got []string
	for _, p := range l {
		got = append(got, p.Message)
	}
	want := "[11 9 10 8 7 6 4 2 5 3 1]" // cells by row, then column
	if fmt.Sprint(got) != want {
		t.Errorf("order %v, want %s", got, want)
	}
}

func TestListError(t *testing.T) {
	var l problem.List
	if l.Err() != nil {
		t.Error("empty list is an error")
	}
	l.Add("/x", "%d is too big", 7)
	l.AddHint("/y", "use a number", "not a number")
	err := fmt.Errorf("loading: %w", l.In("f.json"))
	if got, want := err.Error(), "loading: f.json: /x: 7 is too big\nf.json: /y: not a number; use a number"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := problem.From(err); len(got) != 2 || got[1].Hint != "use a number" {
		t.Errorf("From = %#v", got)
	}
	if got := problem.From(errors.New("disk full")); len(got) != 1 || got[0].Message != "disk full" || got[0].At != "" {
		t.Errorf("From(plain) = %#v", got)
	}
	if problem.From(nil) != nil {
		t.Error("From(nil) is not nil")
	}
	under := problem.List{{At: "/level", Message: "m"}, {Message: "whole"}, {At: "IRC!D4", Message: "cell"}}.Under("/snapshots/2/assessment")
	if under[0].At != "/snapshots/2/assessment/level" || under[1].At != "/snapshots/2/assessment" || under[2].At != "IRC!D4" {
		t.Errorf("Under = %#v", under)
	}
}

func TestPointer(t *testing.T) {
	if got := problem.Pointer("responses", 3, "a/b~c"); got != "/responses/3/a~1b~0c" {
		t.Errorf("Pointer = %q", got)
	}
}
