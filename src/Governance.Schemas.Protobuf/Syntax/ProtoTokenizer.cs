using System.Globalization;
using System.Text;

namespace Governance.Schemas.Protobuf.Syntax;

/// <summary>
/// Splits <c>.proto</c> text into tokens as the protobuf language specification's lexical elements define them
/// (identifiers, integer/float literals, string literals with C-style escapes, symbols); skips whitespace and
/// <c>//</c> and <c>/* */</c> comments.
/// </summary>
internal static class ProtoTokenizer
{
    public static List<ProtoToken> Tokenize(string text)
    {
        var tokens = new List<ProtoToken>();
        var line = 1;
        var lineStart = 0;
        var i = 0;
        while (true)
        {
            SkipTrivia(text, ref i, ref line, ref lineStart);
            var column = i - lineStart + 1;
            if (i >= text.Length)
            {
                tokens.Add(new ProtoToken(ProtoTokenKind.End, "", line, column));
                return tokens;
            }

            var c = text[i];
            var start = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new ProtoToken(ProtoTokenKind.Identifier, text[start..i], line, column));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i, line, column));
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(ReadString(text, ref i, line, column));
            }
            else
            {
                i++;
                tokens.Add(new ProtoToken(ProtoTokenKind.Symbol, c.ToString(), line, column));
            }
        }
    }

    private static void SkipTrivia(string text, ref int i, ref int line, ref int lineStart)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                i++;
                line++;
                lineStart = i;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var startLine = line;
                var startColumn = i - lineStart + 1;
                i += 2;
                while (i < text.Length && !(text[i] == '*' && i + 1 < text.Length && text[i + 1] == '/'))
                {
                    if (text[i] == '\n')
                    {
                        line++;
                        lineStart = i + 1;
                    }

                    i++;
                }

                if (i >= text.Length)
                {
                    throw new ProtoSchemaException(startLine, startColumn, "unterminated block comment");
                }

                i += 2;
            }
            else
            {
                return;
            }
        }
    }

    private static ProtoToken ReadNumber(string text, ref int i, int line, int column)
    {
        var start = i;
        var isFloat = false;
        if (text[i] == '0' && i + 1 < text.Length && (text[i + 1] == 'x' || text[i + 1] == 'X'))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]))
            {
                i++;
            }
        }
        else
        {
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                isFloat |= text[i] == '.';
                i++;
            }

            if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
            {
                isFloat = true;
                i++;
                if (i < text.Length && (text[i] == '+' || text[i] == '-'))
                {
                    i++;
                }

                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }

            if (i < text.Length && (text[i] == 'f' || text[i] == 'F'))
            {
                isFloat = true;
                i++;
            }
        }

        if (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '_'))
        {
            throw new ProtoSchemaException(line, column, $"invalid number '{text[start..(i + 1)]}'");
        }

        // A leading zero makes an octal integer, which takes no exponent (protoc: "Need space between number and identifier").
        var octal = text[start] == '0' && i - start > 1 && char.IsAsciiDigit(text[start + 1]);
        if (octal && text[start..i].Any(c => c is 'e' or 'E'))
        {
            throw new ProtoSchemaException(line, column, $"invalid number '{text[start..i]}': an octal integer cannot have an exponent");
        }

        if (isFloat && !double.TryParse(text[start..i].TrimEnd('f', 'F'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _))
        {
            throw new ProtoSchemaException(line, column, $"invalid number '{text[start..i]}'");
        }

        return new ProtoToken(isFloat ? ProtoTokenKind.Float : ProtoTokenKind.Integer, text[start..i], line, column);
    }

    private static ProtoToken ReadString(string text, ref int i, int line, int column)
    {
        var quote = text[i];
        var start = ++i;
        var bytes = new List<byte>();
        while (true)
        {
            if (i >= text.Length || text[i] == '\n')
            {
                throw new ProtoSchemaException(line, column, "unterminated string literal");
            }

            var c = text[i];
            if (c == quote)
            {
                i++;
                return new ProtoToken(ProtoTokenKind.String, text[start..(i - 1)], line, column, [.. bytes]);
            }

            if (c != '\\')
            {
                var end = char.IsHighSurrogate(c) && i + 1 < text.Length ? i + 2 : i + 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i..end]));
                i = end;
                continue;
            }

            i++;
            if (i >= text.Length)
            {
                throw new ProtoSchemaException(line, column, "unterminated string literal");
            }

            var e = text[i++];
            switch (e)
            {
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case 'n': bytes.Add(10); break;
                case 'r': bytes.Add(13); break;
                case 't': bytes.Add(9); break;
                case 'v': bytes.Add(11); break;
                case '\\' or '\'' or '"' or '?': bytes.Add((byte)e); break;
                case 'x' or 'X':
                    bytes.Add((byte)ReadDigits(text, ref i, 16, 2, line, column));
                    break;
                case 'u' or 'U':
                    var digitsStart = i;
                    var codePoint = ReadDigits(text, ref i, 16, e == 'u' ? 4 : 8, line, column, exact: true);
                    if (codePoint is >= 0 and <= 0x10FFFF)
                    {
                        AppendUtf8(bytes, codePoint);
                    }
                    else
                    {
                        // Beyond Unicode: protoc keeps the escape as literal text.
                        bytes.AddRange(Encoding.UTF8.GetBytes("\\" + e + text[digitsStart..i]));
                    }

                    break;
                case >= '0' and <= '7':
                    i--;
                    bytes.Add((byte)ReadDigits(text, ref i, 8, 3, line, column));
                    break;
                default:
                    throw new ProtoSchemaException(line, column, $"invalid escape sequence '\\{e}' in string literal");
            }
        }
    }

    // UTF-8 by hand, as protoc writes it, lone surrogates included (Encoding.UTF8 would replace them).
    private static void AppendUtf8(List<byte> bytes, int codePoint)
    {
        if (codePoint < 0x80)
        {
            bytes.Add((byte)codePoint);
        }
        else if (codePoint < 0x800)
        {
            bytes.Add((byte)(0xC0 | (codePoint >> 6)));
            bytes.Add((byte)(0x80 | (codePoint & 0x3F)));
        }
        else if (codePoint < 0x10000)
        {
            bytes.Add((byte)(0xE0 | (codePoint >> 12)));
            bytes.Add((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
            bytes.Add((byte)(0x80 | (codePoint & 0x3F)));
        }
        else
        {
            bytes.Add((byte)(0xF0 | (codePoint >> 18)));
            bytes.Add((byte)(0x80 | ((codePoint >> 12) & 0x3F)));
            bytes.Add((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
            bytes.Add((byte)(0x80 | (codePoint & 0x3F)));
        }
    }

    private static int ReadDigits(string text, ref int i, int radix, int maxDigits, int line, int column, bool exact = false)
    {
        var value = 0;
        var count = 0;
        while (count < maxDigits && i < text.Length && Uri.IsHexDigit(text[i]) && Convert.ToInt32(text[i].ToString(), 16) < radix)
        {
            value = (value * radix) + Convert.ToInt32(text[i].ToString(), 16);
            i++;
            count++;
        }

        if (count == 0 || (exact && count != maxDigits))
        {
            throw new ProtoSchemaException(line, column, "invalid escape sequence in string literal");
        }

        return value;
    }
}
