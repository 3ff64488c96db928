/// The parts of the graphics state text extraction needs (ISO 32000-2 §8.4, §9.3):
/// the CTM and the text state parameters, which `q`/`Q` save and restore together.
struct GraphicsState {
    var ctm = Matrix.identity
    var font: PDFFont?
    var fontSize = 0.0
    /// `Tc`, in unscaled text space units.
    var characterSpacing = 0.0
    /// `Tw`, applied to single-byte code 32 only.
    var wordSpacing = 0.0
    /// `Tz` / 100.
    var horizontalScaling = 1.0
    /// `TL`.
    var leading = 0.0
    /// `Ts`.
    var rise = 0.0
    /// `Tr`. Invisible text (3, 7) is still text: OCR layers are drawn that way.
    var renderingMode = 0
}
