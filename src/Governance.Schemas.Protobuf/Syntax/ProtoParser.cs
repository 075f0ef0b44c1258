using System.Globalization;
using System.Text;

namespace Governance.Schemas.Protobuf.Syntax;

/// <summary>
/// Recursive-descent parser for the protobuf language (proto2, proto3 and editions grammars, protobuf.dev/reference)
/// producing a <see cref="ProtoFileElement"/>. Checks grammar only; names and numbers are checked by the descriptor builder.
/// </summary>
internal sealed class ProtoParser
{
    /// <summary>The highest field number (2^29 - 1), protobuf.dev "Assigning Field Numbers".</summary>
    public const int MaxFieldNumber = 536_870_911;

    private readonly List<ProtoToken> _tokens;
    private readonly SchemaLimits _limits;
    private int _position;
    private int _depth;
    private int _sequence;
    private string _syntax = "proto2";

    private ProtoParser(List<ProtoToken> tokens, SchemaLimits limits)
    {
        _tokens = tokens;
        _limits = limits;
    }

    private ProtoToken Current => _tokens[_position];

    /// <param name="limits">Blocks and option values nested deeper than its nesting depth are refused.</param>
    public static ProtoFileElement Parse(string text, SchemaLimits limits)
    {
        var parser = new ProtoParser(ProtoTokenizer.Tokenize(text), limits);
        return parser.ParseFile();
    }

    private ProtoFileElement ParseFile()
    {
        string? syntax = null;
        string? edition = null;
        if (Current.Is("syntax") || Current.Is("edition"))
        {
            var keyword = Next().Text;
            Expect("=");
            var value = ExpectString();
            Expect(";");
            if (keyword == "syntax")
            {
                if (value.Text is not ("proto2" or "proto3"))
                {
                    throw Error(value, $"unrecognized syntax identifier \"{value.Text}\"; expected \"proto2\" or \"proto3\"");
                }

                syntax = value.Text;
            }
            else
            {
                syntax = "editions";
                edition = value.Text;
            }

            _syntax = syntax;
        }

        string? package = null;
        var imports = new List<ImportElement>();
        var options = new List<OptionElement>();
        var types = new List<TypeElement>();
        var extends = new List<ExtendElement>();
        var services = new List<ServiceElement>();
        while (Current.Kind != ProtoTokenKind.End)
        {
            var token = Current;
            if (TryConsume(";"))
            {
                continue;
            }

            switch (token.Text)
            {
                case "import" when token.Kind == ProtoTokenKind.Identifier:
                    Next();
                    var kind = TryConsume("public") ? ImportKind.Public : TryConsume("weak") ? ImportKind.Weak : ImportKind.Normal;
                    if (kind == ImportKind.Normal && Current.Is("option"))
                    {
                        throw Error(Current, "option imports are not supported");
                    }

                    var path = ExpectString();
                    Expect(";");
                    imports.Add(new ImportElement(path.Text, kind, token.Line, token.Column));
                    break;
                case "package" when token.Kind == ProtoTokenKind.Identifier:
                    if (package is not null)
                    {
                        throw Error(token, "multiple package definitions");
                    }

                    Next();
                    package = ParseFullIdentifier();
                    Expect(";");
                    break;
                case "option" when token.Kind == ProtoTokenKind.Identifier:
                    options.Add(ParseOptionStatement());
                    break;
                case "message" when token.Kind == ProtoTokenKind.Identifier:
                    types.Add(ParseMessage());
                    break;
                case "enum" when token.Kind == ProtoTokenKind.Identifier:
                    types.Add(ParseEnum());
                    break;
                case "service" when token.Kind == ProtoTokenKind.Identifier:
                    services.Add(ParseService());
                    break;
                case "extend" when token.Kind == ProtoTokenKind.Identifier:
                    extends.Add(ParseExtend(types));
                    break;
                case "syntax" or "edition" when token.Kind == ProtoTokenKind.Identifier:
                    throw Error(token, $"'{token.Text}' must be the first statement of the file");
                default:
                    throw Error(token, $"expected a top-level statement (message, enum, service, extend, import, package, option), found {token}");
            }
        }

        return new ProtoFileElement(syntax, edition, package, imports, options, types, extends, services);
    }

    private MessageElement ParseMessage()
    {
        var keyword = Next();
        var name = ExpectIdentifier();
        return ParseMessageBody(name.Text, keyword, Sequence());
    }

    private MessageElement ParseMessageBody(string name, ProtoToken at, int sequence)
    {
        var message = new MessageElement(name, at.Line, at.Column, sequence, [], [], [], [], [], [], []);
        ParseBlock($"message '{name}'", token =>
        {
            switch (token.Text)
            {
                case "option" when token.Kind == ProtoTokenKind.Identifier:
                    message.Options.Add(ParseOptionStatement());
                    break;
                case "message" when token.Kind == ProtoTokenKind.Identifier:
                    message.NestedTypes.Add(ParseMessage());
                    break;
                case "enum" when token.Kind == ProtoTokenKind.Identifier:
                    message.NestedTypes.Add(ParseEnum());
                    break;
                case "extend" when token.Kind == ProtoTokenKind.Identifier:
                    message.Extends.Add(ParseExtend(message.NestedTypes));
                    break;
                case "extensions" when token.Kind == ProtoTokenKind.Identifier:
                    Next();
                    var ranges = ParseRanges(MaxFieldNumber);
                    var rangeOptions = TryParseFieldOptions(out _, out _);
                    Expect(";");
                    message.ExtensionRanges.Add(new ExtensionsElement(ranges, rangeOptions, token.Line, token.Column));
                    break;
                case "reserved" when token.Kind == ProtoTokenKind.Identifier:
                    message.Reserveds.Add(ParseReserved(MaxFieldNumber));
                    break;
                case "oneof" when token.Kind == ProtoTokenKind.Identifier:
                    ParseOneOf(message);
                    break;
                default:
                    message.Fields.Add(ParseField(null));
                    break;
            }
        });
        return message;
    }

    private void ParseOneOf(MessageElement message)
    {
        var keyword = Next();
        var name = ExpectIdentifier();
        var oneOf = new OneOfElement(name.Text, [], keyword.Line, keyword.Column);
        var index = message.OneOfs.Count;
        message.OneOfs.Add(oneOf);
        ParseBlock($"oneof '{name.Text}'", token =>
        {
            if (token.Is("option"))
            {
                oneOf.Options.Add(ParseOptionStatement());
            }
            else if (token.Is("optional") || token.Is("required") || token.Is("repeated"))
            {
                throw Error(token, "fields in oneofs must not have labels (required / optional / repeated)");
            }
            else
            {
                var field = ParseField(index);
                message.Fields.Add(field.MapKey is null
                    ? field
                    : throw Error(field.Line, field.Column, "map fields are not allowed in oneofs"));
            }
        }, allowEmptyStatements: false);
    }

    private FieldElement ParseField(int? oneOf)
    {
        var start = Current;
        var label = FieldLabel.None;
        if (TryConsume("optional"))
        {
            label = FieldLabel.Optional;
        }
        else if (TryConsume("required"))
        {
            label = FieldLabel.Required;
        }
        else if (TryConsume("repeated"))
        {
            label = FieldLabel.Repeated;
        }

        if (label == FieldLabel.None && _syntax == "proto2" && oneOf is null && !Current.Is("map"))
        {
            throw Error(start, "expected \"required\", \"optional\", or \"repeated\" (proto2 fields need a label)");
        }

        if (Current.Is("map") && _tokens[_position + 1].Is("<"))
        {
            if (label != FieldLabel.None)
            {
                throw Error(start, "map fields are not allowed to be optional, required or repeated");
            }

            Next();
            Expect("<");
            var key = ParseTypeName();
            Expect(",");
            var value = ParseTypeName();
            Expect(">");
            var mapName = ExpectIdentifier();
            Expect("=");
            var mapNumber = ParseFieldNumber();
            var mapOptions = TryParseFieldOptions(out var mapDefault, out var mapJsonName);
            if (mapDefault is not null)
            {
                throw Error(mapDefault.Line, mapDefault.Column, "map fields cannot have default values");
            }

            Expect(";");
            return new FieldElement(FieldLabel.None, $"map<{key}, {value}>", mapName.Text, mapNumber, mapOptions, null,
                mapJsonName, oneOf, Sequence(), start.Line, start.Column, key, value);
        }

        if (Current.Is("group") && _tokens[_position + 1].Kind == ProtoTokenKind.Identifier)
        {
            Next();
            var groupName = ExpectIdentifier();
            if (!char.IsAsciiLetterUpper(groupName.Text[0]))
            {
                throw Error(groupName, "group names must start with a capital letter");
            }

            Expect("=");
            var groupNumber = ParseFieldNumber();
            var groupOptions = TryParseFieldOptions(out var groupDefault, out var groupJsonName);
            if (groupDefault is not null)
            {
                throw Error(groupDefault.Line, groupDefault.Column, "groups cannot have default values");
            }

            var sequence = Sequence();
            var body = ParseMessageBody(groupName.Text, groupName, sequence);
            return new FieldElement(label, groupName.Text, groupName.Text.ToLowerInvariant(), groupNumber, groupOptions, null,
                groupJsonName, oneOf, sequence, start.Line, start.Column, Group: body);
        }

        var type = ParseTypeName();
        var name = ExpectIdentifier();
        Expect("=");
        var number = ParseFieldNumber();
        var options = TryParseFieldOptions(out var defaultValue, out var jsonName);
        Expect(";");
        return new FieldElement(label, type, name.Text, number, options, defaultValue, jsonName, oneOf, Sequence(), start.Line, start.Column);
    }

    private int ParseFieldNumber()
    {
        var token = Current;
        if (token.Kind != ProtoTokenKind.Integer)
        {
            throw Error(token, $"expected a field number, found {token}");
        }

        Next();
        var value = ParseInteger(token);
        if (value < 1 || value > MaxFieldNumber)
        {
            throw Error(token, $"field numbers must be between 1 and {MaxFieldNumber}, found {token.Text}");
        }

        return (int)value;
    }

    private EnumElement ParseEnum()
    {
        var keyword = Next();
        var name = ExpectIdentifier();
        var element = new EnumElement(name.Text, keyword.Line, keyword.Column, Sequence(), [], [], []);
        ParseBlock($"enum '{name.Text}'", token =>
        {
            if (token.Is("option"))
            {
                element.Options.Add(ParseOptionStatement());
            }
            else if (token.Is("reserved"))
            {
                element.Reserveds.Add(ParseReserved(int.MaxValue));
            }
            else
            {
                var constant = ExpectIdentifier();
                Expect("=");
                var negative = TryConsume("-");
                var numberToken = Current;
                if (numberToken.Kind != ProtoTokenKind.Integer)
                {
                    throw Error(numberToken, $"expected an enum value number, found {numberToken}");
                }

                Next();
                var value = ParseInteger(numberToken) * (negative ? -1 : 1);
                if (value < int.MinValue || value > int.MaxValue)
                {
                    throw Error(numberToken, "enum value numbers must fit in 32 bits");
                }

                var options = TryParseFieldOptions(out var bad, out _);
                if (bad is not null)
                {
                    throw Error(bad.Line, bad.Column, "enum values cannot have default values");
                }

                Expect(";");
                element.Constants.Add(new EnumConstantElement(constant.Text, (int)value, options, constant.Line, constant.Column));
            }
        });
        return element;
    }

    private ServiceElement ParseService()
    {
        var keyword = Next();
        var name = ExpectIdentifier();
        var service = new ServiceElement(name.Text, [], [], keyword.Line, keyword.Column);
        ParseBlock($"service '{name.Text}'", token =>
        {
            if (token.Is("option"))
            {
                service.Options.Add(ParseOptionStatement());
                return;
            }

            if (!token.Is("rpc"))
            {
                throw Error(token, $"expected 'rpc' or 'option' in service, found {token}");
            }

            Next();
            var rpcName = ExpectIdentifier();
            Expect("(");
            var requestStreaming = Current.Is("stream") && !_tokens[_position + 1].Is(")") && TryConsume("stream");
            var request = ParseTypeName();
            Expect(")");
            Expect("returns");
            Expect("(");
            var responseStreaming = Current.Is("stream") && !_tokens[_position + 1].Is(")") && TryConsume("stream");
            var response = ParseTypeName();
            Expect(")");
            var options = new List<OptionElement>();
            var hasBody = Current.Is("{");
            if (hasBody)
            {
                ParseBlock($"rpc '{rpcName.Text}'", statement => options.Add(statement.Is("option")
                    ? ParseOptionStatement()
                    : throw Error(statement, $"expected 'option' in rpc body, found {statement}")));
                TryConsume(";");
            }
            else
            {
                Expect(";");
            }

            service.Rpcs.Add(new RpcElement(rpcName.Text, request, requestStreaming, response, responseStreaming, options, hasBody, token.Line, token.Column));
        });
        return service;
    }

    private ExtendElement ParseExtend(List<TypeElement> scopeTypes)
    {
        var keyword = Next();
        var extendee = ParseTypeName();
        var extend = new ExtendElement(extendee, [], Sequence(), keyword.Line, keyword.Column);
        ParseBlock($"extend '{extendee}'", _ =>
        {
            var field = ParseField(null);
            if (field.MapKey is not null)
            {
                throw Error(field.Line, field.Column, "map fields are not allowed in extend blocks");
            }

            if (field.Group is not null)
            {
                scopeTypes.Add(field.Group);
            }

            extend.Fields.Add(field);
        }, allowEmptyStatements: false);
        return extend;
    }

    private ReservedElement ParseReserved(int max)
    {
        var keyword = Next();
        var ranges = new List<NumberRange>();
        var names = new List<string>();
        if (Current.Kind == ProtoTokenKind.String || Current.Kind == ProtoTokenKind.Identifier)
        {
            do
            {
                var name = Current;
                if (name.Kind == ProtoTokenKind.String)
                {
                    if (_syntax == "editions")
                    {
                        throw Error(name, "reserved names must be identifiers in editions, not string literals");
                    }
                }
                else if (_syntax != "editions")
                {
                    throw Error(name, "reserved names must be string literals (identifiers are allowed only in editions)");
                }

                Next();
                names.Add(name.Text);
            }
            while (TryConsume(","));
        }
        else
        {
            ranges = ParseRanges(max);
        }

        Expect(";");
        return new ReservedElement(ranges, names, keyword.Line, keyword.Column);
    }

    private List<NumberRange> ParseRanges(int max)
    {
        var ranges = new List<NumberRange>();
        do
        {
            var start = ParseRangeNumber(max);
            var end = start;
            if (TryConsume("to"))
            {
                end = TryConsume("max") ? max : ParseRangeNumber(max);
                if (end < start)
                {
                    throw Error(_tokens[_position - 1], "range end must be greater than or equal to its start");
                }
            }

            ranges.Add(new NumberRange(start, end));
        }
        while (TryConsume(","));
        return ranges;
    }

    private int ParseRangeNumber(int max)
    {
        var negative = TryConsume("-");
        var token = Current;
        if (token.Kind != ProtoTokenKind.Integer)
        {
            throw Error(token, $"expected a number, found {token}");
        }

        Next();
        var value = ParseInteger(token) * (negative ? -1 : 1);
        if (value > max || value < (max == int.MaxValue ? int.MinValue : 1))
        {
            throw Error(token, $"number {value} is out of range");
        }

        return (int)value;
    }

    private List<OptionElement> TryParseFieldOptions(out OptionValue? defaultValue, out string? jsonName)
    {
        defaultValue = null;
        jsonName = null;
        var options = new List<OptionElement>();
        if (!TryConsume("["))
        {
            return options;
        }

        do
        {
            var option = ParseOption();
            if (option.Name == "default")
            {
                if (defaultValue is not null)
                {
                    throw Error(option.Line, option.Column, "already set option \"default\"");
                }

                defaultValue = option.Value;
            }
            else if (option.Name == "json_name")
            {
                if (option.Value.Kind != OptionValueKind.String)
                {
                    throw Error(option.Value.Line, option.Value.Column, "expected a string for json_name");
                }

                jsonName = Encoding.UTF8.GetString(option.Value.Bytes!);
            }
            else
            {
                options.Add(option);
            }
        }
        while (TryConsume(","));
        Expect("]");
        return options;
    }

    private OptionElement ParseOptionStatement()
    {
        Next();
        var option = ParseOption();
        Expect(";");
        return option;
    }

    private OptionElement ParseOption()
    {
        var start = Current;
        var name = new StringBuilder();
        do
        {
            if (name.Length > 0)
            {
                name.Append('.');
            }

            if (TryConsume("("))
            {
                name.Append('(').Append(Current.Is(".") ? Next().Text : "").Append(ParseFullIdentifier()).Append(')');
                Expect(")");
            }
            else
            {
                name.Append(ExpectIdentifier().Text);
            }
        }
        while (TryConsume("."));
        Expect("=");
        return new OptionElement(name.ToString(), ParseOptionValue(), start.Line, start.Column);
    }

    private OptionValue ParseOptionValue()
    {
        var token = Current;
        if (TryConsume("{"))
        {
            return ParseAggregate(token, "}");
        }

        return ParseScalar(allowList: false);
    }

    private OptionValue ParseScalar(bool allowList)
    {
        var token = Current;
        if (allowList && TryConsume("["))
        {
            EnterNesting(token);
            var items = new List<OptionValue>();
            if (!TryConsume("]"))
            {
                do
                {
                    items.Add(Current.Is("{") || Current.Is("<") ? ParseAggregate(Next(), Current.Is("{") ? "}" : ">") : ParseScalar(false));
                }
                while (TryConsume(","));
                Expect("]");
            }

            _depth--;
            return new OptionValue(OptionValueKind.List, "", token.Line, token.Column, Items: items);
        }

        var sign = "";
        if (Current.Is("-") || Current.Is("+"))
        {
            sign = Next().Text == "-" ? "-" : "";
        }

        token = Current;
        switch (token.Kind)
        {
            case ProtoTokenKind.Integer:
                Next();
                return new OptionValue(OptionValueKind.Integer, sign + token.Text, token.Line, token.Column);
            case ProtoTokenKind.Float:
                Next();
                return new OptionValue(OptionValueKind.Float, sign + token.Text, token.Line, token.Column);
            case ProtoTokenKind.Identifier:
                Next();
                if (sign.Length > 0 && token.Text is not ("inf" or "nan" or "infinity"))
                {
                    throw Error(token, $"expected a number after '-', found {token}");
                }

                return new OptionValue(sign.Length > 0 ? OptionValueKind.Float : OptionValueKind.Identifier, sign + token.Text, token.Line, token.Column);
            case ProtoTokenKind.String when sign.Length == 0:
                var bytes = new List<byte>();
                var raw = new StringBuilder();
                while (Current.Kind == ProtoTokenKind.String)
                {
                    raw.Append(Current.Text);
                    bytes.AddRange(Next().StringBytes!);
                }

                return new OptionValue(OptionValueKind.String, raw.ToString(), token.Line, token.Column, [.. bytes]);
            default:
                throw Error(token, $"expected an option value, found {token}");
        }
    }

    private OptionValue ParseAggregate(ProtoToken open, string close)
    {
        EnterNesting(open);
        var fields = new List<AggregateField>();
        while (!TryConsume(close))
        {
            if (Current.Kind == ProtoTokenKind.End)
            {
                throw Error(Current, $"expected '{close}' to close the aggregate value");
            }

            string name;
            if (TryConsume("["))
            {
                name = "[" + ParseFullIdentifier() + "]";
                Expect("]");
            }
            else
            {
                name = ExpectIdentifier().Text;
            }

            OptionValue value;
            if (Current.Is("{") || Current.Is("<"))
            {
                TryConsume(":");
                var brace = Next();
                value = ParseAggregate(brace, brace.Text == "{" ? "}" : ">");
            }
            else if (TryConsume(":"))
            {
                value = Current.Is("{") || Current.Is("<")
                    ? ParseAggregate(Current, Next().Text == "{" ? "}" : ">")
                    : ParseScalar(allowList: true);
            }
            else
            {
                throw Error(Current, $"expected ':' after aggregate field name '{name}', found {Current}");
            }

            fields.Add(new AggregateField(name, value));
            if (!TryConsume(","))
            {
                TryConsume(";");
            }
        }

        _depth--;
        return new OptionValue(OptionValueKind.Aggregate, "", open.Line, open.Column, Fields: fields);
    }

    private string ParseTypeName()
    {
        var name = new StringBuilder();
        if (TryConsume("."))
        {
            name.Append('.');
        }

        name.Append(ParseFullIdentifier());
        return name.ToString();
    }

    private string ParseFullIdentifier()
    {
        var name = new StringBuilder(ExpectIdentifier().Text);
        while (Current.Is(".") && _tokens[_position + 1].Kind == ProtoTokenKind.Identifier)
        {
            Next();
            name.Append('.').Append(Next().Text);
        }

        return name.ToString();
    }

    /// <summary>
    /// Parses <c>{ statement* }</c>; <paramref name="parseStatement"/> parses one statement starting at the token it is
    /// given. Empty statements (<c>;</c>) are skipped, except in oneofs and extend blocks, where protoc does not allow them.
    /// </summary>
    private void ParseBlock(string what, Action<ProtoToken> parseStatement, bool allowEmptyStatements = true)
    {
        EnterNesting(Current);
        Expect("{");
        while (!TryConsume("}"))
        {
            if (Current.Kind == ProtoTokenKind.End)
            {
                throw Error(Current, $"expected '}}' to close {what}");
            }

            if (!(allowEmptyStatements && TryConsume(";")))
            {
                parseStatement(Current);
            }
        }

        _depth--;
    }

    /// <summary>One level deeper into blocks or option values, at <paramref name="open"/>; refused beyond the nesting limit.</summary>
    private void EnterNesting(ProtoToken open)
    {
        if (++_depth > _limits.MaxNestingDepth)
        {
            throw Error(open, _limits.NestingTooDeepProblem);
        }
    }

    private static long ParseInteger(ProtoToken token)
    {
        var text = token.Text;
        try
        {
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                return (long)ulong.Parse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            }

            if (text.Length > 1 && text[0] == '0')
            {
                return (long)Convert.ToUInt64(text, 8);
            }

            return (long)ulong.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw Error(token, $"integer {text} is invalid or too large");
        }
    }

    private int Sequence() => _sequence++;

    private ProtoToken Next() => _tokens[_position < _tokens.Count - 1 ? _position++ : _position];

    private bool TryConsume(string text)
    {
        if (!Current.Is(text))
        {
            return false;
        }

        Next();
        return true;
    }

    private void Expect(string text)
    {
        if (!TryConsume(text))
        {
            throw Error(Current, $"expected '{text}', found {Current}");
        }
    }

    private ProtoToken ExpectIdentifier()
    {
        if (Current.Kind != ProtoTokenKind.Identifier)
        {
            throw Error(Current, $"expected an identifier, found {Current}");
        }

        return Next();
    }

    private ProtoToken ExpectString()
    {
        if (Current.Kind != ProtoTokenKind.String)
        {
            throw Error(Current, $"expected a string literal, found {Current}");
        }

        return Next();
    }

    private static ProtoSchemaException Error(ProtoToken at, string problem) => new(at.Line, at.Column, problem);

    private static ProtoSchemaException Error(int line, int column, string problem) => new(line, column, problem);
}
