package config

import (
	"fmt"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"
)

// unknownFields reports misspelt keys with their line, walking the parsed
// tree alongside Config's type (what yaml.v3's KnownFields does, without a
// second decode of the whole file: at 10,000 sources that decode doubled
// the start's memory). Type errors are left to the real decode, which sees
// expanded values.
func unknownFields(doc *yaml.Node, errs *problems) {
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		k := knownKeys{fields: map[reflect.Type]map[string]reflect.Type{}, errs: errs}
		k.check(doc.Content[0], reflect.TypeOf(Config{}))
	}
}

// knownKeys walks a tree; each struct's keys are listed once, not once per
// mapping (10,000 sources are 10,000 mappings of one type).
type knownKeys struct {
	fields map[reflect.Type]map[string]reflect.Type
	errs   *problems
}

var unmarshalerType = reflect.TypeOf((*yaml.Unmarshaler)(nil)).Elem()

func (k knownKeys) check(n *yaml.Node, t reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return // decodes itself
	}
	switch {
	case n.Kind == yaml.AliasNode && n.Alias != nil:
		k.check(n.Alias, t)
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields, ok := k.fields[t]
		if !ok {
			fields = yamlFields(t)
			k.fields[t] = fields
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			if key.Value == "<<" && key.Tag == "!!merge" {
				if val.Kind == yaml.SequenceNode { // <<: [*a, *b]
					for _, c := range val.Content {
						k.check(c, t)
					}
				} else {
					k.check(val, t)
				}
				continue
			}
			ft, ok := fields[key.Value]
			if !ok {
				*k.errs = append(*k.errs, fmt.Sprintf("line %d: field %s not found in %s", key.Line, key.Value, t.Name()))
				continue
			}
			k.check(val, ft)
		}
	case (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			k.check(c, t.Elem())
		}
	case t.Kind() == reflect.Map && n.Kind == yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			k.check(n.Content[i], t.Elem())
		}
	}
}

// yamlFields maps a struct's YAML keys to their types, inline structs
// included.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if strings.Contains(","+opts+",", ",inline,") {
			ft := f.Type
			for ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() != reflect.Struct {
				continue // an inline map takes any key
			}
			for k, v := range yamlFields(ft) {
				out[k] = v
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = f.Type
	}
	return out
}
