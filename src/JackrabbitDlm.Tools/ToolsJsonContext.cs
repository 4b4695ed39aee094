using System.Text.Json.Serialization;
using JackrabbitDlm.Tools.Fighting;

namespace JackrabbitDlm.Tools;

/// <summary>The JSON shapes the tools write and read, made at compile time.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(FightResult))]
internal sealed partial class ToolsJsonContext : JsonSerializerContext;
