package config

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// expandNode replaces ${VAR} in every scalar of the tree, in place. Expansion
// happens on parsed YAML, not on the raw text, so a value holding YAML syntax
// (a token with '#' or ': ') cannot change the document's structure. "$$"
// stands for a literal "$".
func expandNode(n *yaml.Node, path string, lookup func(string) (string, bool), errs *problems, expanded map[int]bool) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			expandNode(c, path, lookup, errs, expanded)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			p := key
			if path != "" {
				p = path + "." + key
			}
			expandNode(n.Content[i+1], p, lookup, errs, expanded)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			expandNode(c, fmt.Sprintf("%s[%d]", path, i), lookup, errs, expanded)
		}
	case yaml.ScalarNode:
		if !strings.Contains(n.Value, "$") {
			return
		}
		v, err := expandString(n.Value, lookup)
		if err != nil {
			errs.add(path, "%v", err)
			return
		}
		if v != n.Value {
			expanded[n.Line] = true
			// Let YAML resolve the expanded value again, so "${ADMIN_ID}"
			// can fill an integer field; string fields still get the text.
			n.Tag = ""
			n.Style = 0
		}
		n.Value = v
	}
}

// expandString expands ${NAME}; the error names the variable, never a value.
func expandString(s string, lookup func(string) (string, bool)) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '$' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '$' {
			b.WriteByte('$')
			i++
			continue
		}
		if i+1 >= len(s) || s[i+1] != '{' {
			b.WriteByte('$')
			continue
		}
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			return "", fmt.Errorf("unterminated ${ in value")
		}
		name := s[i+2 : i+end]
		if !validEnvName(name) {
			return "", fmt.Errorf("invalid environment variable name %q", name)
		}
		v, ok := lookup(name)
		if !ok {
			return "", fmt.Errorf("environment variable %s is not set", name)
		}
		b.WriteString(v)
		i += end
	}
	return b.String(), nil
}

func validEnvName(name string) bool {
	if name == "" {
		return false
	}
	for i, r := range name {
		switch {
		case r == '_', r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

var typeErrValue = regexp.MustCompile("^line (\\d+): (cannot unmarshal \\S+) `[^`]*`")

// scrubTypeError removes the value yaml quotes in a type error when it came
// from the environment: it may be a secret put in the wrong field.
func scrubTypeError(msg string, expanded map[int]bool) string {
	m := typeErrValue.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	line, _ := strconv.Atoi(m[1])
	if !expanded[line] {
		return msg
	}
	return "line " + m[1] + ": " + m[2] + " (a value from the environment)" + msg[len(m[0]):]
}
