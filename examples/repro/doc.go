// Package repro defines what a paper reproduction is, so that the CLI's
// `qmlkit reproduce` registry can run every reproduction the same way and
// print its numbers beside the published ones.
package repro
