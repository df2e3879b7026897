package extract

import "testing"

func TestPlainText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"whitespace only", " \t\n\u00a0 ", ""},
		{"plain text", "Hello, world.", "Hello, world."},
		{"plain text entities", "Tom &amp; Jerry &#8217;s &copy; 2024", "Tom & Jerry ’s © 2024"},
		{"plain text blank lines are paragraphs", "First line\ncontinues.\n\n  \nSecond.", "First line continues.\n\nSecond."},
		{"crlf blank line", "One.\r\n\r\nTwo.", "One.\n\nTwo."},
		{"lone less-than is text", "a < b and 3<4", "a < b and 3<4"},
		{"inline tags join", "<b>bo</b>ld <i>and</i> <a href='x'>linked</a>", "bold and linked"},
		{"paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"br", "Line one<br>Line two<br/>Line three", "Line one\n\nLine two\n\nLine three"},
		{"list items", "<ul><li>a</li><li>b</li></ul>", "a\n\nb"},
		{"headings and quotes", "<h2>Head</h2>Body<blockquote>Quote</blockquote>", "Head\n\nBody\n\nQuote"},
		{"table", "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>", "a b\n\nc"},
		{"empty paragraphs vanish", "<p>&nbsp;</p><div> <br> </div><p>Text</p><p></p>", "Text"},
		{"whitespace collapses", "<p>  many \t spaces\n here  </p>", "many spaces here"},
		{"unicode spaces", "a\u00a0b\u2009c\u3000d\u202fe", "a b c d e"},
		{"nbsp entity", "a&nbsp;&nbsp;b", "a b"},
		{"script dropped", "a<script>var x = '<p>no</p>';</script>b", "ab"},
		{"style dropped", "<style>p{color:red}</style><p>Text</p>", "Text"},
		{"noscript template iframe dropped", "<noscript>n</noscript><template><p>t</p></template><iframe>i</iframe>ok", "ok"},
		{"svg and object dropped", "x<svg><title>t</title><text>s</text></svg>y<object><p>o</p></object>z", "xyz"},
		{"self-closing svg drops nothing", "a<svg/>b", "ab"},
		{"nested drops", "a<object><svg><svg></svg></svg></object>b", "ab"},
		{"misnested drop closed by outer end tag", "a<object><svg></object>b", "ab"},
		{"stray end tag ignored", "a</svg>b</script>c", "abc"},
		{"unclosed script drops the rest", "a<script>b", "a"},
		{"unclosed inline tags", "<p><b>bold <i>italic", "bold italic"},
		{"upper-case tags", "<P>One<BR>Two</P><SCRIPT>x</SCRIPT>", "One\n\nTwo"},
		{"comments dropped", "a<!-- hidden -->b<!-- unclosed", "ab"},
		{"doctype and full document", "<!DOCTYPE html><html><head><title>T</title></head><body><p>Body</p></body></html>", "Body"},
		{"double-escaped entity", "AT&amp;amp;T &amp;#8217; &amp;quot;", "AT&T ’ \""},
		{"triple escape decoded only twice", "&amp;amp;amp;", "&amp;"},
		{"incomplete references stay", "Q&amp;A R&amp;D; &amp;unknown; a &amp b", "Q&A R&D; &unknown; a & b"},
		{"escaped markup stays literal", "Use the &lt;script&gt; tag. More text.", "Use the <script> tag. More text."},
		{"double-escaped markup stays literal", "&amp;lt;p&amp;gt;Hi", "<p>Hi"},
		{"control characters", "a\x00b\x07c\x1bd\u0085e", "abcd e"},
		{"zero-width junk", "zero\u200bwidth\u00adsoft\ufeff\u2060x", "zerowidthsoftx"},
		{"bidi overrides removed, marks kept", "a\u202eb\u202c\u2067c\u2069\u200fd", "abc\u200fd"},
		{"emoji zwj sequence kept", "family 👨\u200d👩\u200d👧!", "family 👨\u200d👩\u200d👧!"},
		{"persian zwnj kept", "می\u200cخواهم", "می\u200cخواهم"},
		{"stray joiners dropped", "\u200d a \u200d\n\n\u200cb", "a\n\nb"},
		{"invalid utf-8", "caf\xe9 \xff\xfeok", "caf\ufffd \ufffdok"},
		{"numeric references to junk", "a&#0;b&#x202E;c&#xD800;d", "a\ufffdbc\ufffdd"},
		{"paragraph separator", "a\u2029b", "a\n\nb"},
		{"multilingual", "<p>Türkçe metin</p><p>Русский текст</p><p>Հայերեն տեքստ։</p>", "Türkçe metin\n\nРусский текст\n\nՀայերեն տեքստ։"},
		{"cdata is an HTML comment", "a<![CDATA[b]]>c", "ac"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PlainText(tt.in); got != tt.want {
				t.Errorf("PlainText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
