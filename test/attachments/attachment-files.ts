import sharp from 'sharp';

/** A JPEG photo with EXIF: a camera make and a GPS position (Beijing), as phones write them. */
export function photoWithGps(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3366cc' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '39/1 54/1 2700/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '116/1 23/1 0/1',
      },
    })
    .toBuffer();
}

export function pngImage(): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 80, channels: 4, background: '#22aa55' } })
    .png()
    .toBuffer();
}

/** A one-page PDF, as small as they come. */
export function pdfDocument(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

/** Half a second of silence as 8 kHz mono 16-bit PCM WAV (a call recording's format). */
export function wavRecording(): Buffer {
  const samples = 4000;
  const data = Buffer.alloc(samples * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/**
 * The container of a HEIC photo as phones write it (an ISO-BMFF `ftyp` box, brand `heic`, then its
 * `meta` box), without the HEVC picture: enough for the type sniffed from the bytes; sharp's prebuilt
 * libvips cannot decode HEVC, so a real HEIC photo takes the same path (no thumbnail, no stripped copy).
 */
export function heicContainer(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftyp', 4);
  ftyp.write('heic', 8);
  ftyp.write('mif1', 16);
  ftyp.write('heic', 20);
  const meta = Buffer.alloc(64);
  meta.writeUInt32BE(64, 0);
  meta.write('meta', 4);
  return Buffer.concat([ftyp, meta]);
}
