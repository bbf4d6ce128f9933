module example.com/hello

go 1.25.4

require (
	github.com/google/uuid v1.6.0
	github.com/spf13/pflag v1.0.6
	golang.org/x/text v0.30.0
)
