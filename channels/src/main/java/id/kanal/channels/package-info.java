/**
 * The channel contract: {@link id.kanal.channels.KanalChannel} (routes, sender, limits, health,
 * start and close), {@link id.kanal.channels.ChannelType} (settings, then the channel, or none
 * when not configured) and {@link id.kanal.channels.ChannelContext} (the dialog's ports a channel
 * may use). Each provider is one sub-package implementing it; app lists the types in one table.
 * See {@code channels/README.md}.
 *
 * <p>Depends on the dialog and its ports only (and the provider SDKs in the sub-packages); never on
 * store, services or app: their stores reach a channel through {@link id.kanal.channels.ChannelContext}.
 */
package id.kanal.channels;
