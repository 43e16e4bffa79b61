<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
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
        <location line="+20"/>
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
    <name>Levels</name>
    <message>
        <location line="+9"/>
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
        <location filename="../main_window.py" line="+221"/>
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
        <location line="+19"/>
        <source>Cannot open workspace</source>
        <translation>Không mở được không gian làm việc</translation>
    </message>
    <message>
        <location line="+16"/>
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
    <name>ProcedureView</name>
    <message>
        <location filename="../procedure_view.py" line="+23"/>
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
        <location line="+24"/>
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
        <location line="+15"/>
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
        <location line="+30"/>
        <source>Procedure details</source>
        <translation>Chi tiết thủ tục</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select a procedure to see its details.</source>
        <translation>Chọn một thủ tục để xem chi tiết.</translation>
    </message>
</context>
</TS>
