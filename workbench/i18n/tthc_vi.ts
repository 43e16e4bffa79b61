<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>Analysis</name>
    <message>
        <location filename="../analysis_html.py" line="+21"/>
        <source>Redundant</source>
        <translation>Thừa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Potentially redundant</source>
        <translation>Có thể thừa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued by the state</source>
        <translation>Do nhà nước cấp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required</source>
        <translation>Cần nộp</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Presence in person</source>
        <extracomment>Badge colours: white text on these backgrounds (contrast above 4.5:1). The grades whose items a redesign can take out of the dossier.</extracomment>
        <translation>Phải có mặt trực tiếp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Original to show</source>
        <translation>Phải xuất trình bản chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certified paper copy</source>
        <translation>Bản sao chứng thực giấy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On-site inspection</source>
        <translation>Kiểm tra thực địa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handwritten signature</source>
        <translation>Chữ ký tay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper-only result</source>
        <translation>Kết quả chỉ bằng giấy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No online channel</source>
        <translation>Không có cách thức trực tuyến</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item {number}</source>
        <translation>Thành phần {number}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step {number}</source>
        <translation>Bước {number}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result {number}</source>
        <translation>Kết quả {number}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preparing the dossier</source>
        <translation>Chuẩn bị hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies</source>
        <translation>Sao chụp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certification</source>
        <translation>Chứng thực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits</source>
        <translation>Đi lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees and charges</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Channels</source>
        <translation>Cách thức thực hiện</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Legal basis: {basis}</source>
        <translation>Căn cứ pháp lý: {basis}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unknown</source>
        <translation>chưa rõ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the source holds the data</source>
        <translation>nguồn lưu giữ dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its owner announced it usable</source>
        <translation>chủ quản đã công bố dữ liệu có thể dùng thay giấy tờ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the handling agency is connected</source>
        <translation>cơ quan giải quyết đã kết nối</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This item has no finding.</source>
        <translation>Thành phần này chưa có kết quả rà soát.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Explanation</source>
        <translation>Giải thích</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data source</source>
        <translation>Nguồn dữ liệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued through procedure</source>
        <translation>Là kết quả của thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If the lookup fails</source>
        <translation>Nếu tra cứu thất bại</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Conditions</source>
        <translation>Điều kiện</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>matched “{phrase}”</source>
        <translation>khớp “{phrase}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rule: {rule}</source>
        <translation>quy tắc: {rule}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from the last stored analysis</source>
        <translation>theo kết quả rà soát đã lưu gần nhất</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from an analysis of this procedure alone (not yet stored)</source>
        <translation>từ kết quả chỉ rà soát riêng thủ tục này (chưa lưu)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing in the published text blocks full-process online handling.</source>
        <translation>Nội dung công bố không có trở ngại nào đối với việc thực hiện trực tuyến toàn trình.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} obstacles to full-process online handling:</source>
        <translation>{count} trở ngại đối với việc thực hiện trực tuyến toàn trình:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cost</source>
        <translation>Chi phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>Số giờ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid out</source>
        <translation>Tiền chi trả</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Per dossier (fees included)</source>
        <translation>Mỗi hồ sơ (gồm phí, lệ phí)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per dossier without fees</source>
        <translation>Mỗi hồ sơ (không gồm phí, lệ phí)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dossiers per year</source>
        <translation>Số hồ sơ mỗi năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per year</source>
        <translation>Mỗi năm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Removable per year (redundant)</source>
        <translation>Có thể cắt giảm mỗi năm (thừa)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Removable per year (potentially redundant)</source>
        <translation>Có thể cắt giảm thêm mỗi năm (có thể thừa)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No fee is known: fees count as 0 here, which may be too low.</source>
        <translation>Chưa rõ mức phí, lệ phí: ở đây tính bằng 0, có thể thấp hơn thực tế.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some cost parameters are still the shipped placeholders: set them, with their sources, before quoting these figures.</source>
        <translation>Một số tham số chi phí vẫn là giá trị giữ chỗ mặc định: hãy đặt lại, kèm nguồn số liệu, trước khi sử dụng các con số này.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../app.py" line="+65"/>
        <source>The sample catalog {path} is missing, so there is no sample workspace to open.</source>
        <translation>Không tìm thấy danh mục mẫu {path}, nên không có không gian làm việc mẫu để mở.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>it holds no procedures</source>
        <translation>danh mục không có thủ tục nào</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>The sample workspace could not be created: {reason}</source>
        <translation>Không tạo được không gian làm việc mẫu: {reason}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Sample workspace</source>
        <translation>Không gian làm việc mẫu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Some records of the sample catalog were not imported: {first}</source>
        <translation>Một số bản ghi của danh mục mẫu không nhập được: {first}</translation>
    </message>
</context>
<context>
    <name>CatalogAnalysisRunner</name>
    <message>
        <location filename="../analysis_runner.py" line="+48"/>
        <source>Analyse the whole &amp;catalog</source>
        <translation>Rà soát toàn bộ &amp;danh mục</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grade every dossier item against the data-source registry and store the findings</source>
        <translation>Đối chiếu mọi thành phần hồ sơ với danh mục nguồn dữ liệu và lưu kết quả rà soát</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;ancel the analysis</source>
        <translation>&amp;Hủy rà soát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analysis progress</source>
        <translation>Tiến độ rà soát</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Analysing the catalog…</source>
        <translation>Đang rà soát danh mục…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelling the analysis…</source>
        <translation>Đang hủy rà soát…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Analysed {procedures} procedures: {redundant} items redundant, {potential} potentially redundant, {state} issued by the state.</source>
        <translation>Đã rà soát {procedures} thủ tục: {redundant} thành phần thừa, {potential} có thể thừa, {state} do nhà nước cấp.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Analysis</source>
        <translation>Rà soát</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Analysis cancelled: the stored findings are unchanged.</source>
        <translation>Việc rà soát đã hủy: kết quả rà soát đã lưu không thay đổi.</translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <location filename="../catalog_model.py" line="+42"/>
        <source>Code</source>
        <extracomment>Column -&gt; (header, header tooltip), as source strings translated in the &quot;CatalogModel&quot; context.</extracomment>
        <translation>Mã</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Procedure code</source>
        <translation>Mã thủ tục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Tên thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Procedure name</source>
        <translation>Tên thủ tục hành chính</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field of administration</source>
        <translation>Lĩnh vực quản lý</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body that issued the procedure</source>
        <translation>Cơ quan ban hành thủ tục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Levels</source>
        <translation>Cấp thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Levels of government that carry out the procedure</source>
        <translation>Các cấp chính quyền thực hiện thủ tục</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To submit</source>
        <translation>Phải nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of documents to submit</source>
        <translation>Số giấy tờ phải nộp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To show</source>
        <translation>Xuất trình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of documents to show</source>
        <translation>Số giấy tờ phải xuất trình</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>Lưu ý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of notes</source>
        <translation>Số lưu ý</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps</source>
        <translation>Số bước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of steps</source>
        <translation>Số bước thực hiện</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <location filename="../change_dialog.py" line="+57"/>
        <source>Rationale</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Rationale (required):</source>
        <translation>&amp;Lý do (bắt buộc):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Legal basis:</source>
        <translation>Căn cứ &amp;pháp lý:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Data source</source>
        <translation>Nguồn dữ liệu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Data source:</source>
        <translation>&amp;Nguồn dữ liệu:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Channel</source>
        <translation>Cách thức thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All channels</source>
        <translation>Mọi cách thức</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Channel:</source>
        <translation>&amp;Cách thức:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time limit</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time unit</source>
        <translation>Đơn vị thời gian</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>other unit</source>
        <translation>đơn vị khác</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time limit condition</source>
        <translation>Điều kiện về thời hạn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Time limit:</source>
        <translation>&amp;Thời hạn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ondition:</source>
        <translation>Điề&amp;u kiện:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fee to change</source>
        <translation>Khoản phí cần đổi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount &amp;unknown</source>
        <translation>Chưa &amp;rõ số tiền</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kind of fee</source>
        <translation>Loại phí</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fee note</source>
        <translation>Ghi chú về phí</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Fee:</source>
        <translation>&amp;Khoản phí:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>Loạ&amp;i:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Amount:</source>
        <translation>&amp;Số tiền:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N&amp;ote:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add a new fee</source>
        <translation>Thêm khoản phí mới</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Say why this change is made: the rationale is required.</source>
        <translation>Hãy nêu lý do của thay đổi: lý do là bắt buộc.</translation>
    </message>
</context>
<context>
    <name>FindingPanel</name>
    <message>
        <location filename="../analysis_panel.py" line="+123"/>
        <source>Finding details</source>
        <translation>Chi tiết kết quả rà soát</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Point at or select a finding&apos;s badge (Tab, then Enter) to read its explanation and legal basis here.</source>
        <translation>Trỏ chuột vào hoặc chọn nhãn kết quả rà soát của một thành phần hồ sơ (Tab, rồi Enter) để xem giải thích và căn cứ pháp lý tại đây.</translation>
    </message>
</context>
<context>
    <name>Levels</name>
    <message>
        <location filename="../catalog_model.py" line="+9"/>
        <source>Ministry</source>
        <extracomment>Level code -&gt; its label, translated in the &quot;Levels&quot; context (Vietnamese: Cấp bộ, Cấp tỉnh...).</extracomment>
        <translation>Cấp bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>Cấp tỉnh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commune</source>
        <translation>Cấp xã</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other agency</source>
        <translation>Cơ quan khác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District (former)</source>
        <translation>Cấp huyện (cũ)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="+251"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Mở không gian làm việc…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a workspace file</source>
        <translation>Mở một tệp không gian làm việc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;recent</source>
        <translation>Mở &amp;gần đây</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clear list</source>
        <translation>&amp;Xóa danh sách</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find procedure</source>
        <translation>Tìm thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redesign</source>
        <translation>&amp;Phương án</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Analysis</source>
        <translation>&amp;Rà soát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search by code or name (Ctrl+F)</source>
        <translation>Tìm theo mã hoặc tên thủ tục (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search procedures</source>
        <translation>Tìm thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Procedure catalog</source>
        <translation>Danh mục thủ tục</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No workspace is open: use File, Open workspace… to open one.</source>
        <translation>Chưa mở không gian làm việc nào: hãy chọn Tệp, Mở không gian làm việc… để mở.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open workspace</source>
        <translation>Mở không gian làm việc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TTHC workspaces ({patterns});;All files (*)</source>
        <translation>Không gian làm việc TTHC ({patterns});;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot open workspace</source>
        <translation>Không mở được không gian làm việc</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This workspace holds no procedures yet.</source>
        <translation>Không gian làm việc này chưa có thủ tục nào.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>{shown} / {total} procedures</source>
        <translation>{shown} / {total} thủ tục</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The translation file for this language is missing.</source>
        <translation>Thiếu tệp bản dịch của ngôn ngữ này.</translation>
    </message>
</context>
<context>
    <name>ProcedurePane</name>
    <message>
        <location filename="../procedure_pane.py" line="+57"/>
        <source>Published</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redesign</source>
        <translation>Phương án</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The procedure as published, with the analysis of its dossier (Ctrl+1)</source>
        <translation>Thủ tục theo công bố, kèm kết quả rà soát thành phần hồ sơ (Ctrl+1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The proposal: the to-be version and its changes (Ctrl+2)</source>
        <translation>Phương án đơn giản hóa: thủ tục sau đơn giản hóa và các thay đổi (Ctrl+2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected procedure</source>
        <translation>Thủ tục đang chọn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Published procedure</source>
        <translation>&amp;Hồ sơ công bố</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redesign</source>
        <translation>&amp;Phương án</translation>
    </message>
</context>
<context>
    <name>ProcedureView</name>
    <message>
        <location filename="../procedure_view.py" line="+25"/>
        <source>In person</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By post</source>
        <translation>Dịch vụ bưu chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>working days</source>
        <translation>ngày làm việc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days</source>
        <translation>ngày</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hours</source>
        <translation>giờ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>months</source>
        <translation>tháng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fee</source>
        <translation>Phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge</source>
        <translation>Lệ phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Fee or charge</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-stop desk</source>
        <translation>Bộ phận một cửa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling agency</source>
        <translation>Cơ quan giải quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other agency</source>
        <translation>Cơ quan khác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data system</source>
        <translation>Hệ thống dữ liệu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>original</source>
        <translation>bản chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plain copy</source>
        <translation>bản sao, bản chụp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>certified copy</source>
        <translation>bản sao có chứng thực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>copy from the master register</source>
        <translation>bản sao từ sổ gốc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>electronic copy</source>
        <translation>bản điện tử</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>certified electronic copy</source>
        <translation>bản sao điện tử có chứng thực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>original shown for comparison</source>
        <translation>bản chính để đối chiếu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Newly issued</source>
        <translation>Mới ban hành</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amended</source>
        <translation>Sửa đổi, bổ sung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abolished</source>
        <translation>Bãi bỏ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In force</source>
        <translation>Đang có hiệu lực</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+13"/>
        <location line="+12"/>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Free</source>
        <translation>Miễn phí</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>None published.</source>
        <translation>Không có thông tin.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation>Mã thủ tục</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Levels</source>
        <translation>Cấp thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competent authorities</source>
        <translation>Cơ quan có thẩm quyền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Executing agencies</source>
        <translation>Cơ quan thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorised agencies</source>
        <translation>Cơ quan được ủy quyền</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinating agencies</source>
        <translation>Cơ quan phối hợp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicants</source>
        <translation>Đối tượng thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where to submit</source>
        <translation>Địa chỉ tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fully online (as declared)</source>
        <translation>Trực tuyến toàn trình (theo công bố)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locally specific</source>
        <translation>Thủ tục đặc thù địa phương</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related procedures</source>
        <translation>Thủ tục liên quan</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Method</source>
        <translation>Hình thức nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time limit</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees and charges</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Who: {actor}</source>
        <translation>Thực hiện: {actor}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Time: {time}</source>
        <translation>Thời gian: {time}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>form: {template}</source>
        <translation>mẫu đơn, tờ khai: {template}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>form</source>
        <translation>mẫu đơn, tờ khai</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>template: {template}</source>
        <translation>mẫu: {template}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>originals: {originals}, copies: {copies}</source>
        <translation>bản chính: {originals}, bản sao: {copies}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>accepted as: {forms}</source>
        <translation>hình thức: {forms}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>condition: {condition}</source>
        <translation>điều kiện: {condition}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>issued by: {issuer}</source>
        <translation>cơ quan cấp: {issuer}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Documents to submit</source>
        <translation>Giấy tờ phải nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents to show</source>
        <translation>Giấy tờ phải xuất trình</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>code {code}</source>
        <translation>mã {code}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Number</source>
        <translation>Số hiệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Date</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+15"/>
        <source>Issued by</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Channels, time limits and fees</source>
        <translation>Cách thức thực hiện, thời hạn và phí, lệ phí</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps</source>
        <translation>Trình tự thực hiện</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dossier</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Lưu ý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results</source>
        <translation>Kết quả thực hiện</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requirements and conditions</source>
        <translation>Yêu cầu, điều kiện</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Announcement decision</source>
        <translation>Quyết định công bố</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Full-process online eligibility</source>
        <translation>Điều kiện trực tuyến toàn trình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compliance cost</source>
        <translation>Chi phí tuân thủ</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Procedure details</source>
        <translation>Chi tiết thủ tục</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Select a procedure to see its details.</source>
        <translation>Chọn một thủ tục để xem chi tiết.</translation>
    </message>
</context>
<context>
    <name>Redesign</name>
    <message>
        <location filename="../redesign_models.py" line="+113"/>
        <source>to submit</source>
        <translation>phải nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to show</source>
        <translation>phải xuất trình</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dossier item</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>Nhóm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding</source>
        <translation>Kết quả rà soát</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Step</source>
        <translation>Bước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In person</source>
        <translation>Đến trực tiếp</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+79"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+79"/>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+130"/>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>Rationale</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Documents to submit</source>
        <translation>Giấy tờ phải nộp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents to show</source>
        <translation>Giấy tờ phải xuất trình</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dossier items removed</source>
        <translation>Thành phần hồ sơ được bỏ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dossier items changed</source>
        <translation>Thành phần hồ sơ được sửa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Certified copies</source>
        <translation>Bản sao chứng thực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps</source>
        <translation>Số bước</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps on the longest path</source>
        <translation>Số bước trên đường dài nhất</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In-person visits</source>
        <translation>Số lần đến cơ quan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>other unit</source>
        <translation>đơn vị khác</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time limit ({unit})</source>
        <translation>Thời hạn giải quyết ({unit})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Obstacles to full-process online</source>
        <translation>Trở ngại trực tuyến toàn trình</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full-process online</source>
        <translation>Trực tuyến toàn trình</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cost per dossier</source>
        <translation>Chi phí mỗi hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual compliance cost</source>
        <translation>Chi phí tuân thủ mỗi năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual fees and charges</source>
        <translation>Phí, lệ phí mỗi năm</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Savings rate</source>
        <translation>Tỷ lệ cắt giảm chi phí</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Measure</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As-is</source>
        <translation>Hiện hành</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To-be</source>
        <translation>Sau đơn giản hóa</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Items removed</source>
        <translation>Thành phần hồ sơ được bỏ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Items changed</source>
        <translation>Thành phần hồ sơ được sửa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Items added</source>
        <translation>Thành phần hồ sơ được thêm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data looked up by the agency</source>
        <translation>Dữ liệu cơ quan tự khai thác</translation>
    </message>
</context>
<context>
    <name>RedesignActions</name>
    <message>
        <location filename="../redesign_actions.py" line="+103"/>
        <source>&amp;Apply suggestions</source>
        <translation>Áp dụng đề xuất của rà s&amp;oát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove item…</source>
        <translation>Bỏ thành phần hồ &amp;sơ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace by a &amp;lookup…</source>
        <translation>Thay bằng &amp;tra cứu dữ liệu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept an &amp;electronic copy…</source>
        <translation>Nhận bản sao đ&amp;iện tử…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop “show the &amp;original”…</source>
        <translation>Bỏ xuất trình bản chính để đối chiế&amp;u…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove &amp;step…</source>
        <translation>Bỏ &amp;bước…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge with the next step…</source>
        <translation>&amp;Gộp với bước sau…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the in-person &amp;visit…</source>
        <translation>Bỏ lần đến &amp;cơ quan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the &amp;time limit…</source>
        <translation>Đổi thời &amp;hạn giải quyết…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change a &amp;fee…</source>
        <translation>Đổi &amp;phí, lệ phí…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make full-process o&amp;nline…</source>
        <translation>Chuyển sang trực tuyế&amp;n toàn trình…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert this &amp;change…</source>
        <translation>Hoàn &amp;lại thay đổi này…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Replace every item the analysis finds redundant by a lookup, and accept electronic copies</source>
        <translation>Thay mọi thành phần hồ sơ mà rà soát xác định là thừa bằng việc tra cứu dữ liệu, và nhận bản sao điện tử</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Undo {change}</source>
        <translation>&amp;Hoàn tác {change}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo {change}</source>
        <translation>&amp;Làm lại {change}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The analysis suggests nothing more for this procedure.</source>
        <translation>Kết quả rà soát không đề xuất thêm thay đổi nào cho thủ tục này.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{count} suggested changes made.</source>
        <translation>Đã thực hiện {count} thay đổi đề xuất.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Remove a dossier item</source>
        <translation>Bỏ thành phần hồ sơ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{item}” leaves the dossier: the applicant no longer provides it.</source>
        <translation>“{item}” được bỏ khỏi hồ sơ: người nộp không phải cung cấp nữa.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Replace an item by a lookup</source>
        <translation>Thay thành phần hồ sơ bằng tra cứu dữ liệu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Instead of “{item}”, the agency looks the data up itself; if the lookup fails, it asks for the paper and tells the applicant to have the record corrected.</source>
        <translation>Thay cho “{item}”, cơ quan giải quyết tự khai thác dữ liệu; nếu tra cứu thất bại, cơ quan yêu cầu giấy tờ và hướng dẫn người nộp đề nghị điều chỉnh dữ liệu.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Accept an electronic copy</source>
        <translation>Nhận bản sao điện tử</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{item}” may be handed in as an electronic copy instead of a certified paper copy.</source>
        <translation>“{item}” được nộp dưới dạng bản sao điện tử thay cho bản sao chứng thực giấy.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Drop “show the original”</source>
        <translation>Bỏ yêu cầu xuất trình bản chính</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The applicant no longer brings the original of “{item}” to be checked.</source>
        <translation>Người nộp không phải mang bản chính của “{item}” đến để đối chiếu nữa.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Remove a step</source>
        <translation>Bỏ bước</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The step “{step}” is removed from the procedure.</source>
        <translation>Bước “{step}” được bỏ khỏi thủ tục.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Merge two steps</source>
        <translation>Gộp hai bước</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The step “{step}” and the one after it become one step.</source>
        <translation>Bước “{step}” và bước sau nó được gộp thành một bước.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove an in-person visit</source>
        <translation>Bỏ lần đến cơ quan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The applicant no longer comes in person for “{step}”: it is done online or by post.</source>
        <translation>Người nộp không phải đến trực tiếp ở bước “{step}”: bước này được thực hiện trực tuyến hoặc qua bưu chính.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Change the time limit</source>
        <translation>Đổi thời hạn giải quyết</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The statutory time limit changes.</source>
        <translation>Thời hạn giải quyết theo quy định được thay đổi.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Change a fee</source>
        <translation>Đổi phí, lệ phí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A fee or charge is changed, or a new one added.</source>
        <translation>Một khoản phí, lệ phí được thay đổi, hoặc thêm khoản mới.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Make the procedure full-process online</source>
        <translation>Chuyển thủ tục sang trực tuyến toàn trình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The procedure is offered online from submission to result (Decree 42/2022/NĐ-CP).</source>
        <translation>Thủ tục được cung cấp trực tuyến từ khi nộp hồ sơ đến khi trả kết quả (Nghị định 42/2022/NĐ-CP).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Revert a change</source>
        <translation>Hoàn lại một thay đổi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take back change #{number}: {change}</source>
        <translation>Hoàn lại thay đổi số {number}: {change}</translation>
    </message>
</context>
<context>
    <name>RedesignEditor</name>
    <message>
        <location filename="../redesign_editor.py" line="+206"/>
        <source>To-be &amp;dossier</source>
        <translation>Thành phần hồ sơ &amp;mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To-be ste&amp;ps</source>
        <translation>Các &amp;bước mới</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As-is and to-be &amp;compared</source>
        <translation>&amp;Hiện hành và sau đơn giản hóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History</source>
        <translation>&amp;Lịch sử</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes in effec&amp;t</source>
        <translation>Các thay đổi đang có hiệ&amp;u lực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published version</source>
        <translation>Phiên bản công bố</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redesign tools</source>
        <translation>Công cụ xây dựng phương án</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To-be dossier items</source>
        <translation>Thành phần hồ sơ sau đơn giản hóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To-be steps</source>
        <translation>Các bước sau đơn giản hóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As-is and to-be comparison</source>
        <translation>So sánh hiện hành và sau đơn giản hóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change history</source>
        <translation>Lịch sử thay đổi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes in effect</source>
        <translation>Các thay đổi đang có hiệu lực</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the redesign changes</source>
        <translation>Những gì phương án thay đổi</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Select a procedure to redesign it.</source>
        <translation>Chọn một thủ tục để xây dựng phương án đơn giản hóa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Proposal “{proposal}” for {code}: {count} changes in effect</source>
        <translation>Phương án “{proposal}” của thủ tục {code}: {count} thay đổi đang có hiệu lực</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The to-be version is still the published one: make a change or apply the suggestions.</source>
        <translation>Phương án vẫn giống thủ tục đã công bố: hãy thực hiện một thay đổi hoặc áp dụng đề xuất của rà soát.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>The change was not saved</source>
        <translation>Thay đổi chưa được lưu</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../workers.py" line="+61"/>
        <source>The operation failed unexpectedly; the details are in the log.</source>
        <translation>Thao tác gặp lỗi ngoài dự kiến; chi tiết được ghi trong nhật ký.</translation>
    </message>
</context>
</TS>
