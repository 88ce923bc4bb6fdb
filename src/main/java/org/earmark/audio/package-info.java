/**
 * Recordings: what they are ({@link org.earmark.audio.AudioProbe}), an anonymised copy without container metadata
 * ({@link org.earmark.audio.MetadataStripper}), their waveform ({@link org.earmark.audio.WaveformDecoder},
 * {@link org.earmark.audio.Peaks}, {@link org.earmark.audio.PeaksCodec}) and their content hash
 * ({@link org.earmark.core.Hashes}).
 *
 * <p>Container headers are read in Java, so probing and stripping work without ffmpeg; only the M4A waveform needs
 * it. Expected failures are {@link org.earmark.core.EarmarkException}s that name the file; input files are only ever
 * opened for reading. No JavaFX here: the command line uses all of it.
 */
package org.earmark.audio;
