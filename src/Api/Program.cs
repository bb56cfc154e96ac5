using CollectionStore.Api;
using CollectionStore.Api.Configuration;
using CollectionStore.Api.Maintenance.StoreMigration;
using CollectionStore.Domain.Model;
using Microsoft.Extensions.Options;

if (args is [StoreMigrationCommand.Name, ..])
{
    return await StoreMigrationCommand.RunFromConsoleAsync(args[1..]);
}

try
{
    await using var app = await CollectionStoreApp.BuildAsync(args);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is ModelException or StartupFailedException or OptionsValidationException)
{
    // A broken model or configuration is the operator's to fix: say where, without a stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
