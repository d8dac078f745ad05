using System.Globalization;
using System.Text;

namespace Coxswain.Engine.Testing;

/// <summary>Redirections, output and word expansion.</summary>
internal sealed partial class ShellRunner
{
    /// <summary>Applies redirections left to right; null (after printing why) when a file cannot be opened.</summary>
    private ShellIo? ApplyRedirects(IReadOnlyList<ShellRedirect> redirects, ShellIo io)
    {
        foreach (var redirect in redirects)
        {
            if (redirect.Fd == 0 && redirect.Target is { } source)
            {
                var path = ExpandSingle(source);
                if (path != "/dev/null" && !_files.FileExists(path))
                {
                    Write(io.Err, $"sh: can't open '{path}': No such file or directory\n");
                    return null;
                }

                io = io with { In = _files.FullPath(path) };
                continue;
            }

            if (redirect.Fd is not (1 or 2 or -2))
            {
                continue;
            }

            ShellTarget? target;
            if (redirect.TargetFd is { } fd)
            {
                target = fd switch
                {
                    1 => io.Out,
                    2 => io.Err,
                    _ => null,
                };
            }
            else
            {
                var path = ExpandSingle(redirect.Target!);
                target = path switch
                {
                    "/dev/null" => null,
                    "/dev/stdout" or "/proc/self/fd/1" => io.Out,
                    "/dev/stderr" or "/proc/self/fd/2" => io.Err,
                    _ => new FileTarget(_files.FullPath(path)),
                };
                if (target is FileTarget)
                {
                    try
                    {
                        if (redirect.Operator == ">>")
                        {
                            _files.AppendAllText(path, "");
                        }
                        else
                        {
                            _files.WriteAllText(path, "");
                        }
                    }
                    catch (IOException e)
                    {
                        Write(io.Err, $"sh: can't create {path}: {e.Message}\n");
                        return null;
                    }
                }
            }

            io = redirect.Fd switch
            {
                1 => io with { Out = target },
                2 => io with { Err = target },
                _ => new ShellIo(target, target),
            };
        }

        return io;
    }

    private void Write(ShellTarget? target, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        switch (target)
        {
            case StreamTarget stream:
                _process.Write(stream.Stream, text);
                break;
            case FileTarget file:
                try
                {
                    _files.AppendAllText(file.Path, text);
                }
                catch (IOException)
                {
                    // The redirection was checked when applied; a mount cannot turn read-only meanwhile.
                }

                break;
        }
    }

    private IEnumerable<string> Expand(ShellWord word)
    {
        var fields = new List<string>();
        StringBuilder? current = null;
        var keepEmpty = false;

        void Finish()
        {
            if (current is not null && (keepEmpty || current.Length > 0))
            {
                fields.Add(current.ToString());
            }

            current = null;
            keepEmpty = false;
        }

        foreach (var part in word.Parts)
        {
            if (part is LiteralPart literal)
            {
                (current ??= new StringBuilder()).Append(literal.Text);
                keepEmpty |= literal.Quoted;
                continue;
            }

            var parameter = (ParameterPart)part;
            var value = Lookup(parameter);
            if (parameter.Quoted && parameter.Name != "@")
            {
                (current ??= new StringBuilder()).Append(value);
                keepEmpty = true;
                continue;
            }

            if (value.Length > 0 && char.IsWhiteSpace(value[0]))
            {
                Finish();
            }

            var pieces = value.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i > 0)
                {
                    Finish();
                }

                (current ??= new StringBuilder()).Append(pieces[i]);
            }

            if (value.Length > 0 && char.IsWhiteSpace(value[^1]))
            {
                Finish();
            }
        }

        Finish();
        return fields;
    }

    private string ExpandSingle(ShellWord word)
    {
        var text = new StringBuilder();
        foreach (var part in word.Parts)
        {
            text.Append(part is LiteralPart literal ? literal.Text : Lookup((ParameterPart)part));
        }

        return text.ToString();
    }

    private string Lookup(ParameterPart parameter)
    {
        string? value = parameter.Name switch
        {
            "?" => _status.ToString(CultureInfo.InvariantCulture),
            "$" => _process.IsExec ? "42" : "1",
            "#" => _positional.Count.ToString(CultureInfo.InvariantCulture),
            "0" => _arg0,
            "@" or "*" => string.Join(' ', _positional),
            var digits when char.IsAsciiDigit(digits[0]) =>
                int.Parse(digits, CultureInfo.InvariantCulture) is var n && n <= _positional.Count ? _positional[n - 1] : null,
            var name => _vars.GetValueOrDefault(name),
        };

        if (parameter.Default is { } fallback && (value is null || (parameter.DefaultWhenEmpty && value.Length == 0)))
        {
            return fallback;
        }

        return value ?? "";
    }
}
