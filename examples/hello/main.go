// Command hello greets people in their own language's number format and stamps each run with an ID.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/google/uuid"
	"github.com/spf13/pflag"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

func main() {
	lang := pflag.StringP("lang", "l", "en", "BCP 47 language tag for number formatting")
	count := pflag.IntP("count", "n", 1, "how many greetings")
	pflag.Parse()

	tag, err := language.Parse(*lang)
	if err != nil {
		fmt.Fprintf(os.Stderr, "hello: bad --lang %q: %v\n", *lang, err)
		os.Exit(2)
	}
	names := pflag.Args()
	if len(names) == 0 {
		names = []string{"world"}
	}
	printer := message.NewPrinter(tag)
	runID := uuid.New()
	for i := 0; i < *count; i++ {
		printer.Printf("Hello, %s! (greeting %d of %d, run %s)\n", strings.Join(names, " & "), i+1, *count, runID)
	}
}
