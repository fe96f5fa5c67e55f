package examples

import (
	"github.com/qmlkit/qmlkit/examples/cbe"
	"github.com/qmlkit/qmlkit/examples/covariant"
	"github.com/qmlkit/qmlkit/examples/demos"
	"github.com/qmlkit/qmlkit/examples/embedding"
	"github.com/qmlkit/qmlkit/examples/havlicek"
	"github.com/qmlkit/qmlkit/examples/iris"
	"github.com/qmlkit/qmlkit/examples/qkan"
	"github.com/qmlkit/qmlkit/examples/repro"
)

// Registry lists every reproduction in the order the tour runs them.
func Registry() []repro.Reproduction {
	var all []repro.Reproduction
	all = append(all, demos.Reproductions()...)
	all = append(all, havlicek.Reproductions()...)
	all = append(all, iris.Reproductions()...)
	all = append(all, covariant.Reproductions()...)
	all = append(all, embedding.Reproductions()...)
	all = append(all, qkan.Reproductions()...)
	all = append(all, cbe.Reproductions()...)
	return all
}

// Lookup finds a reproduction by name.
func Lookup(name string) (repro.Reproduction, bool) {
	for _, r := range Registry() {
		if r.Name == name {
			return r, true
		}
	}
	return repro.Reproduction{}, false
}
